using System.Text.Json;
using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Kim.Core.Workflows.Payloads;

namespace Kim.Core.Tests.Workflows;

public class CaseTimerTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    [Fact]
    public void An_intake_sets_the_first_contact_timer_ten_working_days_ahead()
    {
        var driver = new Driver<CaseWorkflowState>(new CaseWorkflow(), CaseDriver.CaseId);
        var step = driver.Start(CaseDriver.Intake()).Ok();

        // Mon 2026-11-02 + 10 working days = Mon 2026-11-16, due at its end.
        var timer = step.Single<StartTimer>();
        Assert.Equal((CaseTimers.FirstContact, new DateTimeOffset(2026, 11, 17, 0, 0, 0, Winter)), (timer.TimerId, timer.DueAt));
        Assert.Equal("referred", step.CustomStatus);
    }

    [Fact]
    public void A_missed_first_contact_raises_an_alert_and_notifies_without_case_content()
    {
        var driver = CaseDriver.New();
        var due = driver.State.Timers[CaseTimers.FirstContact];

        var step = driver.Fire(CaseTimers.FirstContact, due).Ok();

        var alert = Assert.Single(driver.State.Alerts);
        Assert.Equal((AlertKind.FirstContactDue, due), (alert.Kind, alert.DueAt));
        var action = step.Action(ActionNames.NotifyCaseManager);
        Assert.Equal(new CaseManagerNotice(CaseDriver.CaseId, "luedenscheid", AlertKind.FirstContactDue, due), action.Input<CaseManagerNotice>());
        var json = action.Input!.Value.GetRawText();
        Assert.DoesNotContain("Amina", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Sprachkurs", json, StringComparison.Ordinal);
        Assert.True(driver.State.Overdue);
    }

    [Fact]
    public void Leaving_referred_cancels_the_first_contact_timer_and_its_late_firing_does_nothing()
    {
        var driver = CaseDriver.New();
        var due = driver.State.Timers[CaseTimers.FirstContact];
        var step = driver.Raise(CaseEvents.StartClearing).Ok();
        Assert.Contains(step.Commands, c => c is CancelTimer { TimerId: CaseTimers.FirstContact });

        var stray = driver.Fire(CaseTimers.FirstContact, due).Ok();
        Assert.Empty(stray.Commands);
        Assert.Empty(driver.State.Alerts);
    }

    [Fact]
    public void Acceptance_sets_support_plan_maximum_duration_and_the_residence_document_warning()
    {
        var driver = CaseDriver.In(CaseState.Clearing);
        var step = driver.Raise(CaseEvents.Accept).Ok();

        var timers = step.Of<StartTimer>().ToDictionary(t => t.TimerId, t => t.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 14, 9, 0, 0, Winter), timers[CaseTimers.SupportPlan]);
        Assert.Equal(new DateTimeOffset(2029, 11, 2, 9, 0, 0, Winter), timers[CaseTimers.MaximumDuration]);
        // Expires 2027-03-31: warned eight weeks ahead, on 2027-02-03 at 08:00 Berlin time.
        Assert.Equal(new DateTimeOffset(2027, 2, 3, 8, 0, 0, Winter), timers["residence-document-expiry:2027-03-31"]);
    }

    [Fact]
    public void A_residence_document_expiring_in_eight_weeks_alerts_at_that_instant()
    {
        var driver = CaseDriver.In(CaseState.Monitoring);
        var warning = new DateTimeOffset(2027, 2, 3, 8, 0, 0, Winter);

        var step = driver.Fire("residence-document-expiry:2027-03-31", warning).Ok();

        var alert = driver.State.Alerts.Single(a => a.Kind == AlertKind.ResidenceDocumentExpiring);
        Assert.Equal(("2027-03-31", warning), (alert.Reference, alert.RaisedAt));
        Assert.Equal(new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)), alert.DueAt);
        var notice = step.Action(ActionNames.NotifyCaseManager).Input<CaseManagerNotice>();
        Assert.Equal((AlertKind.ResidenceDocumentExpiring, "2027-03-31"), (notice.Kind, notice.Reference));
    }

    [Fact]
    public void A_changed_expiry_date_moves_the_warning_and_the_same_date_sets_nothing()
    {
        var driver = CaseDriver.In(CaseState.Monitoring);

        var moved = driver.Raise(CaseEvents.UpdateClient, new { residenceDocumentExpires = "2027-06-30" }).Ok();
        Assert.Contains(moved.Commands, c => c is CancelTimer { TimerId: "residence-document-expiry:2027-03-31" });
        Assert.Contains(moved.Commands, c => c is StartTimer { TimerId: "residence-document-expiry:2027-06-30" } t
            && t.DueAt == new DateTimeOffset(2027, 5, 5, 8, 0, 0, TimeSpan.FromHours(2)));

        Assert.Empty(driver.Raise(CaseEvents.UpdateClient, new { residenceDocumentExpires = "2027-06-30" }).Ok().Commands);

        var removed = driver.Raise(CaseEvents.UpdateClient, JsonDocument.Parse("""{ "residenceDocumentExpires": null }""").RootElement).Ok();
        Assert.IsType<CancelTimer>(Assert.Single(removed.Commands));
        Assert.Null(driver.State.Client.ResidenceDocumentExpires);
    }

    [Fact]
    public void A_benefit_period_ending_soon_is_warned_of_at_once()
    {
        var driver = CaseDriver.In(CaseState.Monitoring);
        var step = driver.Raise(CaseEvents.UpdateClient, new { benefitPeriodEnds = "2026-12-20" }).Ok();
        var timer = step.Single<StartTimer>();
        Assert.Equal("benefit-period-expiry:2026-12-20", timer.TimerId);
        Assert.True(timer.DueAt <= driver.Now, "a warning already due fires at once");
    }

    [Fact]
    public void Recording_a_contact_moves_the_no_contact_timer_and_resolves_its_alert()
    {
        var driver = CaseDriver.In(CaseState.Monitoring);
        var first = driver.State.Timers[CaseTimers.NoContact];
        Assert.Equal(new DateTimeOffset(2026, 12, 14, 9, 0, 0, Winter), first);
        driver.Fire(CaseTimers.NoContact, first).Ok();
        Assert.True(driver.State.Overdue);

        driver.Now = new DateTimeOffset(2026, 12, 15, 14, 30, 0, Winter);
        var step = driver.Raise(CaseEvents.RecordContact, new { channel = "in-person", note = "Beratung im Büro" }).Ok();

        var timer = step.Single<StartTimer>();
        Assert.Equal((CaseTimers.NoContact, new DateTimeOffset(2027, 1, 26, 14, 30, 0, Winter)), (timer.TimerId, timer.DueAt));
        Assert.False(driver.State.Overdue);
        Assert.Equal("ct-1", Assert.Single(driver.State.Contacts).ContactId);
    }

    [Fact]
    public void The_plan_review_recurs_from_its_own_due_time()
    {
        var driver = CaseDriver.In(CaseState.Monitoring);
        var due = driver.State.Timers[CaseTimers.PlanReview];
        Assert.Equal(new DateTimeOffset(2027, 2, 2, 9, 0, 0, Winter), due);

        driver.Now = due.AddHours(5); // delivered late
        var step = driver.Apply(new TimerFired(CaseTimers.PlanReview, due) { EventId = "late", At = driver.Now, Actor = Actors.System }).Ok();

        Assert.Equal(new DateTimeOffset(2027, 5, 2, 9, 0, 0, TimeSpan.FromHours(2)), step.Single<StartTimer>().DueAt);
        Assert.Single(step.Of<RunAction>());
    }

    [Fact]
    public void A_changed_setting_applies_to_timers_set_afterwards()
    {
        var settings = TimingSettings.Default;
        var workflow = new CaseWorkflow(() => settings, WorkingCalendar.Nrw);
        var driver = CaseDriver.In(CaseState.Monitoring, workflow);
        var before = driver.State.Timers[CaseTimers.NoContact];

        settings = new TimingSettings(municipalities: new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["luedenscheid"] = new Dictionary<string, string> { ["NoContact"] = "P2W" },
        });
        Assert.Equal(before, driver.State.Timers[CaseTimers.NoContact]);
        var step = driver.Raise(CaseEvents.RecordContact, new { channel = "phone" }).Ok();
        Assert.Equal(driver.Now.AddDays(14), step.Single<StartTimer>().DueAt);
    }

    [Fact]
    public void A_follow_up_is_a_timer_until_it_is_done()
    {
        var driver = CaseDriver.In(CaseState.Clearing);
        var added = driver.Raise(CaseEvents.AddFollowUp, new { dueAt = "2026-11-20", note = "Unterlagen nachfragen" }).Ok();
        var timer = added.Single<StartTimer>();
        Assert.Equal(("followup:f-1", new DateTimeOffset(2026, 11, 20, 8, 0, 0, Winter)), (timer.TimerId, timer.DueAt));

        var fired = driver.Fire(timer.TimerId, timer.DueAt).Ok();
        Assert.Equal("f-1", fired.Action(ActionNames.NotifyCaseManager).Input<CaseManagerNotice>().Reference);

        driver.Raise(CaseEvents.CompleteFollowUp, new { followUpId = "f-1" }).Ok();
        Assert.NotNull(Assert.Single(driver.State.FollowUps).DoneAt);
        Assert.False(driver.State.Overdue);
        driver.Raise(CaseEvents.CompleteFollowUp, new { followUpId = "f-9" }).Rejected(RejectionCodes.UnknownFollowUp);
    }

    [Fact]
    public void Completing_a_follow_up_before_it_is_due_cancels_its_timer()
    {
        var driver = CaseDriver.In(CaseState.Monitoring);
        driver.Raise(CaseEvents.AddFollowUp, new { dueAt = "2026-11-20T10:00:00+01:00", note = "Rückruf" }).Ok();
        var step = driver.Raise(CaseEvents.CompleteFollowUp, new { followUpId = "f-1" }).Ok();
        Assert.Equal("followup:f-1", step.Single<CancelTimer>().TimerId);
    }

    [Fact]
    public void Closing_cancels_every_timer_withdraws_open_referrals_and_sets_deletion()
    {
        var driver = CaseDriver.In(CaseState.Monitoring);
        driver.Raise(CaseEvents.RecordConsent, CaseDriver.Consent()).Ok();
        driver.Raise(CaseEvents.CreateReferral, new { partnerId = "caritas-luedenscheid", purpose = "Beratung" }).Ok();
        driver.Raise(CaseEvents.AddFollowUp, new { dueAt = "2026-12-01", note = "Nachfassen" }).Ok();

        var step = driver.Raise(CaseEvents.Close, new { reason = "moved-away" }).Ok();

        Assert.Equal([CaseTimers.Purge], driver.State.Timers.Keys);
        Assert.Contains(step.Commands, c => c is CancelTimer { TimerId: "followup:f-1" });
        Assert.Equal("c-4f7k2:r-1", step.Single<RaiseEventOn>().InstanceId);
        Assert.Equal(ClosureReason.MovedAway, driver.State.ClosureReason);
    }

    [Fact]
    public void Deletion_runs_the_purge_action_unless_a_legal_hold_stops_it()
    {
        var held = CaseDriver.In(CaseState.Closed);
        held.Raise(CaseEvents.SetLegalHold, new { hold = true, reason = "Klage anhängig" }).Ok();
        var due = held.State.Timers[CaseTimers.Purge];
        Assert.Empty(held.Fire(CaseTimers.Purge, due).Ok().Commands);
        var released = held.Raise(CaseEvents.SetLegalHold, new { hold = false }).Ok();
        Assert.Equal(due, released.Single<StartTimer>().DueAt);
        var purged = held.Fire(CaseTimers.Purge, due).Ok();
        Assert.Equal(new CaseReference(CaseDriver.CaseId, "luedenscheid"), purged.Action(ActionNames.PurgeCase).Input<CaseReference>());
        held.Raise(CaseEvents.Reopen).Rejected(RejectionCodes.IllegalTransition);
    }

    [Fact]
    public void A_legal_hold_needs_a_reason_and_none_can_be_set_once_deletion_began()
    {
        var driver = CaseDriver.In(CaseState.Closed);
        driver.Raise(CaseEvents.SetLegalHold, new { hold = true }).Rejected(RejectionCodes.InvalidPayload);
        driver.Raise(CaseEvents.SetLegalHold, new { hold = true, reason = " " }).Rejected(RejectionCodes.InvalidPayload);
        driver.Raise(CaseEvents.SetLegalHold, new { hold = true, reason = new string('x', 4001) }).Rejected(RejectionCodes.InvalidPayload);
        Assert.False(driver.State.LegalHold);

        driver.Raise(CaseEvents.Erase).Ok();
        driver.Raise(CaseEvents.SetLegalHold, new { hold = true, reason = "zu spät" }).Rejected(RejectionCodes.IllegalTransition);
    }

    [Fact]
    public void Deletion_on_request_purges_an_ended_case_at_once_but_never_an_open_or_held_one()
    {
        CaseDriver.In(CaseState.Monitoring).Raise(CaseEvents.Erase).Rejected(RejectionCodes.IllegalTransition);
        var held = CaseDriver.In(CaseState.Closed);
        held.Raise(CaseEvents.SetLegalHold, new { hold = true, reason = "Klage anhängig" }).Ok();
        held.Raise(CaseEvents.Erase).Rejected(RejectionCodes.LegalHold);

        var declined = CaseDriver.In(CaseState.Declined);
        var erased = declined.Raise(CaseEvents.Erase).Ok();
        Assert.Equal(new CaseReference(CaseDriver.CaseId, "luedenscheid"), erased.Action(ActionNames.PurgeCase).Input<CaseReference>());
        Assert.Contains(erased.Commands, c => c is CancelTimer { TimerId: CaseTimers.Purge });
        Assert.NotNull(declined.State.PurgeRequestedAt);

        // A repeated request (the answer was lost) changes nothing and starts no second purge.
        Assert.DoesNotContain(declined.Raise(CaseEvents.Erase).Ok().Commands, c => c is RunAction);
        declined.Raise(CaseEvents.Reopen).Rejected(RejectionCodes.IllegalTransition);
    }

    [Fact]
    public void A_declined_case_is_deleted_after_the_short_period()
    {
        var driver = CaseDriver.In(CaseState.Declined);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, Winter), driver.State.Timers[CaseTimers.Purge]);
        Assert.Single(driver.State.Timers);
    }

    [Fact]
    public void Next_due_is_the_earliest_of_timers_referral_answers_and_handover_steps()
    {
        var driver = CaseDriver.In(CaseState.HandoverPending);
        var state = driver.State;
        var expected = state.Timers.Where(t => t.Key != CaseTimers.Purge).Select(t => t.Value)
            .Concat(state.Handovers.SelectMany(h => h.Steps).Select(s => s.DueAt)).Min();
        Assert.Equal(expected, state.NextDue);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, Winter), state.NextDue);
    }

    [Fact]
    public void State_json_uses_the_api_names()
    {
        var json = CaseDriver.In(CaseState.HandoverPending).Json!.Value;
        Assert.Equal("handover-pending", json.GetProperty("state").GetString());
        Assert.Equal("AsylbLG", json.GetProperty("client").GetProperty("legalDomains")[0].GetString());
        var handover = json.GetProperty("handovers")[0];
        Assert.Equal("SGB II", handover.GetProperty("to").GetString());
        Assert.Equal("2026-12-31", handover.GetProperty("hardDeadline").GetString());
        Assert.Equal(JsonValueKind.String, handover.GetProperty("steps")[0].GetProperty("dueAt").ValueKind);
        Assert.Equal(JsonValueKind.String, json.GetProperty("nextDue").ValueKind);
    }
}
