using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Kim.Core.Workflows.Payloads;

namespace Kim.Core.Tests.Workflows;

public class ReferralWorkflowTests
{
    private const string ReferralId = "c-4f7k2:r-1";
    private static readonly DateTimeOffset RespondBy = new(2026, 11, 21, 0, 0, 0, TimeSpan.FromHours(1));

    private static Driver<ReferralWorkflowState> Sent(DateTimeOffset? respondBy = null, string? partnerId = "caritas-luedenscheid", string? service = null)
    {
        var driver = new Driver<ReferralWorkflowState>(new ReferralWorkflow(), ReferralId, "c-4f7k2");
        driver.Start(new ReferralStartInput("c-4f7k2", "luedenscheid", "Migrationsberatung", "consent-2", partnerId, service, respondBy ?? RespondBy)).Ok();
        return driver;
    }

    [Fact]
    public void A_new_referral_notifies_the_partner_with_its_id_only_and_waits_for_the_answer()
    {
        var driver = new Driver<ReferralWorkflowState>(new ReferralWorkflow(), ReferralId, "c-4f7k2");
        var step = driver.Start(new ReferralStartInput("c-4f7k2", "luedenscheid", "Migrationsberatung", "consent-2", "caritas-luedenscheid", RespondBy: RespondBy)).Ok();

        Assert.Equal(new PartnerNotice(ReferralId, "caritas-luedenscheid"), step.Action(ActionNames.NotifyPartnerReferral).Input<PartnerNotice>());
        Assert.Equal((ReferralTimers.PartnerResponse, RespondBy), (step.Single<StartTimer>().TimerId, step.Single<StartTimer>().DueAt));
        Assert.Equal("sent", step.CustomStatus);
    }

    [Fact]
    public void Without_a_date_the_partner_has_fourteen_days()
    {
        var driver = new Driver<ReferralWorkflowState>(new ReferralWorkflow(), ReferralId, "c-4f7k2");
        var step = driver.Start(new ReferralStartInput("c-4f7k2", "luedenscheid", "Sprachkurs", "consent-2", Service: "vhs-sprachkurs")).Ok();
        Assert.Equal(driver.Now.AddDays(14), step.Single<StartTimer>().DueAt);
        Assert.Empty(step.Of<RunAction>());
    }

    [Fact]
    public void No_answer_by_the_deadline_alerts_the_case_manager_and_reminds_the_partner()
    {
        var driver = Sent();
        var step = driver.Fire(ReferralTimers.PartnerResponse, RespondBy).Ok();

        var notice = step.Action(ActionNames.NotifyCaseManager).Input<CaseManagerNotice>();
        Assert.Equal(new CaseManagerNotice("c-4f7k2", "luedenscheid", AlertKind.PartnerResponseOverdue, RespondBy, Reference: "r-1"), notice);
        Assert.Equal(new PartnerNotice(ReferralId, "caritas-luedenscheid"), step.Action(ActionNames.RemindPartner).Input<PartnerNotice>());
        Assert.Equal(AlertKind.PartnerResponseOverdue, Assert.Single(driver.State.Alerts).Kind);
    }

    [Fact]
    public void An_answer_in_time_cancels_the_reminder_and_a_stray_firing_does_nothing()
    {
        var driver = Sent();
        var answered = driver.Raise(ReferralEvents.Respond, new { decision = "accepted" }, actor: "partner:caritas-luedenscheid").Ok();
        Assert.Equal(ReferralTimers.PartnerResponse, answered.Single<CancelTimer>().TimerId);

        var stray = driver.Fire(ReferralTimers.PartnerResponse, RespondBy).Ok();
        Assert.Empty(stray.Commands);
        Assert.Empty(driver.State.Alerts);
    }

    [Fact]
    public void Acceptance_tells_the_case_and_starts_the_arrival_check()
    {
        var driver = Sent();
        var step = driver.Raise(ReferralEvents.Respond, new { decision = "accepted" }).Ok();

        var raised = step.Single<RaiseEventOn>();
        Assert.Equal(("c-4f7k2", CaseEvents.ReferralUpdated), (raised.InstanceId, raised.Name));
        Assert.Equal(ReferralState.Accepted, Kim.Core.KimJson.FromElement<ReferralUpdate>(raised.Payload!.Value).State);
        var check = step.Single<StartTimer>();
        Assert.Equal((ReferralTimers.ClientArrival, driver.Now.AddDays(14)), (check.TimerId, check.DueAt));

        var fired = driver.Fire(check.TimerId, check.DueAt).Ok();
        Assert.Equal(AlertKind.ClientArrivalCheck, fired.Action(ActionNames.NotifyCaseManager).Input<CaseManagerNotice>().Kind);
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_completes_the_referral()
    {
        var driver = Sent();
        driver.Raise(ReferralEvents.Respond, new { decision = "rejected" }).Rejected(RejectionCodes.InvalidPayload);

        var step = driver.Raise(ReferralEvents.Respond, new { decision = "rejected", reason = "keine Kapazität" }).Ok();

        var output = Kim.Core.KimJson.FromElement<ReferralUpdate>(step.Single<CompleteWorkflow>().Output!.Value);
        Assert.Equal((ReferralId, ReferralState.Rejected, "keine Kapazität"), (output.ReferralId, output.State, output.Reason));
    }

    [Fact]
    public void An_outcome_ends_an_accepted_referral()
    {
        var driver = Sent();
        driver.Raise(ReferralEvents.Respond, new { decision = "accepted" }).Ok();
        driver.Raise(ReferralEvents.Outcome, new { successful = false }).Rejected(RejectionCodes.InvalidPayload);

        var step = driver.Raise(ReferralEvents.Outcome, new { successful = false, reason = "not-reachable" }).Ok();

        Assert.Equal(ReferralTimers.ClientArrival, step.Single<CancelTimer>().TimerId);
        var output = Kim.Core.KimJson.FromElement<ReferralUpdate>(step.Single<CompleteWorkflow>().Output!.Value);
        Assert.Equal((ReferralState.Done, false, "not-reachable"), (output.State, output.Successful, output.Reason));
        Assert.Equal(ReferralOutcomeReason.NotReachable, driver.State.OutcomeReason);
    }

    [Fact]
    public void A_withdrawal_completes_and_a_second_one_changes_nothing()
    {
        var driver = Sent();
        var step = driver.Raise(ReferralEvents.Withdraw, new { reason = "consent-withdrawn" }).Ok();
        Assert.Single(step.Of<CompleteWorkflow>());
        Assert.Equal(ReferralState.Withdrawn, driver.State.State);
        Assert.Empty(driver.Raise(ReferralEvents.Withdraw).Ok().Commands);
    }

    [Theory]
    [InlineData("sent", ReferralEvents.Outcome)]
    [InlineData("accepted", ReferralEvents.Respond)]
    [InlineData("rejected", ReferralEvents.Respond)]
    [InlineData("rejected", ReferralEvents.Outcome)]
    [InlineData("done", ReferralEvents.Outcome)]
    [InlineData("withdrawn", ReferralEvents.Respond)]
    public void Events_out_of_turn_are_illegal(string state, string name)
    {
        var driver = Sent();
        switch (state)
        {
            case "accepted":
                driver.Raise(ReferralEvents.Respond, new { decision = "accepted" }).Ok();
                break;
            case "rejected":
                driver.Raise(ReferralEvents.Respond, new { decision = "rejected", reason = "nein" }).Ok();
                break;
            case "done":
                driver.Raise(ReferralEvents.Respond, new { decision = "accepted" }).Ok();
                driver.Raise(ReferralEvents.Outcome, new { successful = true }).Ok();
                break;
            case "withdrawn":
                driver.Raise(ReferralEvents.Withdraw).Ok();
                break;
        }

        var payload = name == ReferralEvents.Respond ? (object)new { decision = "accepted" } : new { successful = true };
        Assert.Equal(state, driver.Raise(name, payload).Rejected(RejectionCodes.IllegalTransition).CurrentState);
    }
}
