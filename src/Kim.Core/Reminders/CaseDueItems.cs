using Kim.Core.Cases;
using Kim.Core.Mail;
using Kim.Core.Workflows;

namespace Kim.Core.Reminders;

/// <summary>
/// The digest's rules, pure: which items of a case a digest lists, and from when. The due-date
/// index stores <see cref="Entries"/> keyed by <see cref="DueEntry.VisibleFrom"/>; the digest job
/// re-reads each case the index names and lists <see cref="DigestItems"/>. For every case and
/// occurrence an entry is visible (<c>VisibleFrom &lt;= occurrence</c>) exactly when it yields a digest item.
/// </summary>
/// <remarks>
/// Everything is read from the case's state: the case keeps a summary of each referral (state,
/// respondBy) and handover (steps, confirmations), which the referral and handover instances keep
/// up to date through <c>referral-updated</c>, <c>handover-updated</c> and their completion. So one
/// case record gives all of a case's due items and its assignee.
/// </remarks>
public static class CaseDueItems
{
    /// <summary>The case's open items with the instant each enters the digest; none for a closed or declined case.</summary>
    public static IReadOnlyList<DueEntry> Entries(CaseWorkflowState state, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!state.State.IsOpen())
        {
            return [];
        }

        var entries = new List<DueEntry>();
        foreach (var followUp in state.FollowUps.Where(f => f.DoneAt is null))
        {
            // Listed from the start of its day, so that the 07:00 digest names what is due at 14:00.
            var day = calendar.LocalDate(followUp.DueAt);
            entries.Add(new DueEntry(followUp.FollowUpId, DueEntryKind.FollowUp, calendar.At(day, TimeOnly.MinValue), followUp.DueAt, day));
        }

        foreach (var referral in state.Referrals.Where(r => r.State == ReferralState.Sent))
        {
            entries.Add(new DueEntry(referral.ReferralId, DueEntryKind.PartnerAnswer, referral.RespondBy, referral.RespondBy, DayOf(referral.RespondBy, calendar)));
        }

        foreach (var handover in state.Handovers.Where(h => h.Status == HandoverStatus.Open))
        {
            foreach (var step in handover.Steps.Where(s => s.ConfirmedAt is null))
            {
                var from = calendar.AddWorkingDays(step.DueDate, -DigestComposer.HandoverLookaheadWorkingDays);
                entries.Add(new DueEntry(
                    $"{handover.HandoverId}.{step.Step}", DueEntryKind.HandoverStep, calendar.At(from, TimeOnly.MinValue), step.DueAt, step.DueDate));
            }
        }

        return entries;
    }

    /// <summary>What the digest of <paramref name="occurrence"/> lists for the case (nothing for a closed one).</summary>
    public static IReadOnlyList<DueItem> DigestItems(CaseWorkflowState state, ReminderOccurrence occurrence, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calendar);
        var today = calendar.LocalDate(occurrence.Instant);
        var horizon = calendar.AddWorkingDays(today, DigestComposer.HandoverLookaheadWorkingDays);
        var reference = new CaseReference(state.CaseId);
        var items = new List<DueItem>();
        foreach (var entry in Entries(state, calendar))
        {
            DueItemKind? kind = entry.Kind switch
            {
                DueEntryKind.FollowUp when entry.DueDate < today => DueItemKind.FollowUpOverdue,
                DueEntryKind.FollowUp when entry.DueDate == today => DueItemKind.FollowUpDue,
                DueEntryKind.PartnerAnswer when entry.DueAt <= occurrence.Instant => DueItemKind.PartnerAnswerOverdue,
                DueEntryKind.HandoverStep when entry.DueDate <= horizon => DueItemKind.HandoverStepDue,
                _ => null,
            };
            if (kind is { } k)
            {
                items.Add(new DueItem(reference, k, entry.DueDate));
            }
        }

        return items;
    }

    /// <summary>
    /// The day a deadline instant belongs to: a day-deadline falls due at 00:00 of the next day
    /// (docs/timing.md), which still means the day before; any later instant means its own day.
    /// </summary>
    public static DateOnly DayOf(DateTimeOffset dueAt, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.LocalDate(dueAt.AddTicks(-1));
    }
}
