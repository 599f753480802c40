using System.Globalization;
using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows.Payloads;

namespace Kim.Core.Workflows;

/// <summary>The case's timers: what a fired timer means, and arming the monitoring and expiry timers.</summary>
public sealed partial class CaseWorkflow
{
    private Decision<CaseWorkflowState> OnTimer(CaseWorkflowState s, TimerFired fired, WorkflowContext context)
    {
        var book = new TimerBook(s.Timers);
        if (!book.Holds(fired))
        {
            // Cancelled or moved: a late delivery of the old timer means nothing.
            return Unchanged(s);
        }

        book.Fired(fired.TimerId);
        var id = fired.TimerId;
        switch (id)
        {
            case CaseTimers.FirstContact:
                return Alert(s, book, fired, context, AlertKind.FirstContactDue, fired.DueAt);
            case CaseTimers.SupportPlan:
                return Alert(s, book, fired, context, AlertKind.SupportPlanDue, fired.DueAt);
            case CaseTimers.PlanReview:
                // Recurring from its own due time, so a late delivery does not shift the rhythm.
                book.Start(CaseTimers.PlanReview, Timing(s).PlanReview.After(fired.DueAt, _calendar));
                return Alert(s, book, fired, context, AlertKind.PlanReviewDue, fired.DueAt);
            case CaseTimers.NoContact:
                return Alert(s, book, fired, context, AlertKind.NoContact, fired.DueAt);
            case CaseTimers.MaximumDuration:
                return Alert(s, book, fired, context, AlertKind.MaximumDuration, fired.DueAt);
            case CaseTimers.Purge:
                if (s.LegalHold)
                {
                    return Done(s, book);
                }

                book.Add(PurgeAction(s));
                return Done(s with { PurgeRequestedAt = context.Now }, book);
        }

        if (TryDateSuffix(id, CaseTimers.ResidenceDocumentExpiryPrefix, out var expires))
        {
            return Alert(s, book, fired, context, AlertKind.ResidenceDocumentExpiring, _calendar.EndOfDay(expires), Iso(expires));
        }

        if (TryDateSuffix(id, CaseTimers.BenefitPeriodExpiryPrefix, out var ends))
        {
            return Alert(s, book, fired, context, AlertKind.BenefitPeriodExpiring, _calendar.EndOfDay(ends), Iso(ends));
        }

        if (id.StartsWith(CaseTimers.FollowUpPrefix, StringComparison.Ordinal))
        {
            return Alert(s, book, fired, context, AlertKind.FollowUpDue, fired.DueAt, id[CaseTimers.FollowUpPrefix.Length..]);
        }

        return Done(s, book);
    }

    /// <summary>Entering Monitoring (agreeing the plan with the client is a contact too) starts plan review and no-contact.</summary>
    private void ArmMonitoring(TimerBook book, TimingOptions timing, DateTimeOffset from)
    {
        book.Start(CaseTimers.PlanReview, timing.PlanReview.After(from, _calendar));
        book.Start(CaseTimers.NoContact, timing.NoContact.After(from, _calendar));
    }

    /// <summary>
    /// Keeps the expiry warnings in step with the client's dates: one timer per date (the date is in
    /// the id), none once a date is removed or the case is not taken on, none again for a date already warned of.
    /// </summary>
    private void ArmExpiryWarnings(CaseWorkflowState state, TimerBook book, TimingOptions timing)
    {
        var watched = state.State is CaseState.Assessment or CaseState.Planning or CaseState.Monitoring or CaseState.HandoverPending;
        Arm(CaseTimers.ResidenceDocumentExpiryPrefix, state.Client.ResidenceDocumentExpires, timing.ResidenceDocumentWarning, AlertKind.ResidenceDocumentExpiring);
        Arm(CaseTimers.BenefitPeriodExpiryPrefix, state.Client.BenefitPeriodEnds, timing.BenefitPeriodWarning, AlertKind.BenefitPeriodExpiring);

        void Arm(string prefix, DateOnly? date, Interval warning, AlertKind kind)
        {
            var wanted = watched && date is { } day ? prefix + Iso(day) : null;
            book.CancelWhere(id => id.StartsWith(prefix, StringComparison.Ordinal) && id != wanted);
            if (wanted is not null && !book.Timers.ContainsKey(wanted)
                && !state.Alerts.Any(a => a.Kind == kind && a.Reference == Iso(date!.Value)))
            {
                book.Start(wanted, _calendar.MorningOf(warning.Before(date!.Value, _calendar)));
            }
        }
    }

    private static Decision<CaseWorkflowState> Alert(
        CaseWorkflowState s, TimerBook book, TimerFired fired, WorkflowContext context, AlertKind kind, DateTimeOffset dueAt, string? reference = null)
    {
        var notice = new CaseManagerNotice(s.CaseId, s.Municipality, kind, dueAt, s.Assignee, reference);
        book.Add(new RunAction(NoticeActionId(fired), ActionNames.NotifyCaseManager, KimJson.ToElement(notice)));
        return Done(s with { Alerts = s.Alerts.Add(new Alert(kind, dueAt, context.Now, reference)) }, book);
    }

    /// <summary>Stable per firing, distinct for each round of a recurring timer.</summary>
    internal static string NoticeActionId(TimerFired fired) =>
        string.Create(CultureInfo.InvariantCulture, $"notify:{fired.TimerId}:{fired.DueAt.ToUnixTimeSeconds()}");

    /// <summary>The one purge action of a case, whether its retention ended or deletion was requested.</summary>
    private static RunAction PurgeAction(CaseWorkflowState s) =>
        new($"purge:{s.CaseId}", ActionNames.PurgeCase, KimJson.ToElement(new CaseReference(s.CaseId, s.Municipality)));

    private static bool TryDateSuffix(string id, string prefix, out DateOnly day)
    {
        day = default;
        return id.StartsWith(prefix, StringComparison.Ordinal)
            && DateOnly.TryParseExact(id[prefix.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }
}
