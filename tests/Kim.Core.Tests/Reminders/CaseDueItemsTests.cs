using Kim.Core.Cases;
using Kim.Core.Mail;
using Kim.Core.Reminders;
using Kim.Core.Tests.Workflows;
using Kim.Core.Workflows;
using CaseReference = Kim.Core.Mail.CaseReference;

namespace Kim.Core.Tests.Reminders;

/// <summary>The digest's rules per case, and their agreement with the due-date index's row keys.</summary>
public sealed class CaseDueItemsTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Nrw;
    private static readonly CaseReference Case = new(CaseDriver.CaseId);

    private static ReminderOccurrence At(int year, int month, int day, int hour = 7)
    {
        var instant = Calendar.At(new DateOnly(year, month, day), new TimeOnly(hour, 0));
        return new ReminderOccurrence(instant.ToUniversalTime(), instant);
    }

    [Fact]
    public void Follow_ups_due_today_and_overdue_are_listed_later_ones_and_done_ones_are_not()
    {
        var driver = CaseDriver.In(CaseState.Monitoring);
        driver.Raise(CaseEvents.AddFollowUp, new { dueAt = "2026-11-05", note = "Termin Ausländerbehörde" }).Ok();
        driver.Raise(CaseEvents.AddFollowUp, new { dueAt = "2026-11-04T16:00:00+01:00", note = "Rückruf" }).Ok();
        driver.Raise(CaseEvents.AddFollowUp, new { dueAt = "2026-11-06", note = "später" }).Ok();

        var items = CaseDueItems.DigestItems(driver.State, At(2026, 11, 5), Calendar);
        Assert.Equal(
            [new DueItem(Case, DueItemKind.FollowUpOverdue, new DateOnly(2026, 11, 4)), new DueItem(Case, DueItemKind.FollowUpDue, new DateOnly(2026, 11, 5))],
            items.OrderBy(i => i.Kind));

        driver.Raise(CaseEvents.CompleteFollowUp, new { followUpId = "f-2" }).Ok();
        Assert.Equal([DueItemKind.FollowUpDue], CaseDueItems.DigestItems(driver.State, At(2026, 11, 5), Calendar).Select(i => i.Kind));
    }

    [Fact]
    public void A_follow_up_later_today_is_in_the_morning_digest()
    {
        var driver = CaseDriver.In(CaseState.Monitoring);
        driver.Raise(CaseEvents.AddFollowUp, new { dueAt = "2026-11-05T14:00:00+01:00", note = "Nachmittag" }).Ok();

        Assert.Empty(CaseDueItems.DigestItems(driver.State, At(2026, 11, 4), Calendar));
        Assert.Equal([DueItemKind.FollowUpDue], CaseDueItems.DigestItems(driver.State, At(2026, 11, 5), Calendar).Select(i => i.Kind));
    }

    [Fact]
    public void A_partner_answer_is_overdue_once_respond_by_has_passed_and_not_after_an_answer()
    {
        var driver = CaseDriver.In(CaseState.Monitoring);
        driver.Raise(CaseEvents.RecordConsent, CaseDriver.Consent()).Ok();
        driver.Raise(CaseEvents.CreateReferral, new { partnerId = "caritas-luedenscheid", purpose = "Migrationsberatung", respondBy = "2026-11-16" }).Ok();

        Assert.Empty(CaseDueItems.DigestItems(driver.State, At(2026, 11, 16), Calendar));
        Assert.Equal(
            [new DueItem(Case, DueItemKind.PartnerAnswerOverdue, new DateOnly(2026, 11, 16))],
            CaseDueItems.DigestItems(driver.State, At(2026, 11, 17), Calendar));

        var referral = driver.State.Referrals.Single();
        driver.Raise(CaseEvents.ReferralUpdated, new { referralId = referral.InstanceId, state = "accepted" }).Ok();
        Assert.Empty(CaseDueItems.DigestItems(driver.State, At(2026, 11, 17), Calendar));
    }

    [Fact]
    public void Handover_steps_are_listed_from_five_working_days_before_their_day()
    {
        // Served 2026-11-10: residence document and end of AsylbLG due by Monday 2026-11-30.
        var driver = CaseDriver.In(CaseState.HandoverPending);

        Assert.Empty(CaseDueItems.DigestItems(driver.State, At(2026, 11, 20), Calendar));
        var items = CaseDueItems.DigestItems(driver.State, At(2026, 11, 23), Calendar);
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(new DueItem(Case, DueItemKind.HandoverStepDue, new DateOnly(2026, 11, 30)), i));
    }

    [Fact]
    public void A_closed_case_has_nothing_due()
    {
        var driver = CaseDriver.In(CaseState.Monitoring);
        driver.Raise(CaseEvents.AddFollowUp, new { dueAt = "2026-11-05", note = "x" }).Ok();
        driver.Raise(CaseEvents.Close, new { reason = "goals-met" }).Ok();

        Assert.Empty(CaseDueItems.Entries(driver.State, Calendar));
        Assert.Empty(CaseDueItems.DigestItems(driver.State, At(2026, 11, 5), Calendar));
    }

    [Fact]
    public void An_entry_is_visible_in_the_index_exactly_when_the_digest_lists_it_every_morning_across_summer_time_ending()
    {
        var driver = CaseDriver.In(CaseState.HandoverPending);
        driver.Raise(CaseEvents.RecordConsent, CaseDriver.Consent()).Ok();
        driver.Raise(CaseEvents.CreateReferral, new { partnerId = "caritas-luedenscheid", purpose = "Beratung", respondBy = "2026-12-08" }).Ok();
        foreach (var due in new[] { "2026-11-03", "2026-11-20T18:30:00+01:00", "2026-12-24", "2027-01-04" })
        {
            driver.Raise(CaseEvents.AddFollowUp, new { dueAt = due, note = "n" }).Ok();
        }

        var entries = CaseDueItems.Entries(driver.State, Calendar);
        Assert.Equal(4 + 1 + 5, entries.Count);
        for (var day = new DateOnly(2026, 10, 20); day <= new DateOnly(2027, 2, 10); day = day.AddDays(1))
        {
            var occurrence = At(day.Year, day.Month, day.Day);
            var visible = entries.Count(e => e.VisibleFrom <= occurrence.Instant);
            Assert.True(
                visible == CaseDueItems.DigestItems(driver.State, occurrence, Calendar).Count,
                $"{day}: {visible} visible entries, {CaseDueItems.DigestItems(driver.State, occurrence, Calendar).Count} digest items");
        }
    }

    [Fact]
    public void Row_keys_sort_by_the_instant_an_item_becomes_visible()
    {
        var early = DueIndex.RowKey(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), "c-9", "f-1");
        var late = DueIndex.RowKey(new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero), "c-1", "f-1");
        Assert.Equal("20261024220000|c-9|f-1", early);
        Assert.True(string.CompareOrdinal(early, late) < 0);
        Assert.True(string.CompareOrdinal(late, DueIndex.PointerRowKey("c-1")) < 0, "pointer rows sort after every due row");
    }
}
