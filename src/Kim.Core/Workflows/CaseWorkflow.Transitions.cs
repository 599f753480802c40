using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows.Payloads;

namespace Kim.Core.Workflows;

/// <summary>The transitions of the case process and how a case ends.</summary>
public sealed partial class CaseWorkflow
{
    private Decision<CaseWorkflowState> StartClearing(CaseWorkflowState s, EventRaised e)
    {
        if (s.State != CaseState.Referred)
        {
            return Illegal(s, e);
        }

        var book = new TimerBook(s.Timers);
        book.Cancel(CaseTimers.FirstContact);
        return Done(s with { State = CaseState.Clearing, Alerts = s.Alerts.Resolve(AlertKind.FirstContactDue, e.At) }, book);
    }

    private Decision<CaseWorkflowState> Accept(CaseWorkflowState s, EventRaised e)
    {
        if (s.State != CaseState.Clearing)
        {
            return Illegal(s, e);
        }

        if (!HasConsent(s, e))
        {
            return NoCaseProcessingConsent();
        }

        var timing = Timing(s);
        var state = s with { State = CaseState.Assessment, AcceptedAt = e.At };
        var book = new TimerBook(s.Timers);
        book.Cancel(CaseTimers.FirstContact);
        book.Start(CaseTimers.SupportPlan, timing.SupportPlanDue.After(e.At, _calendar));
        book.Start(CaseTimers.MaximumDuration, timing.MaximumDuration.After(e.At, _calendar));
        ArmExpiryWarnings(state, book, timing);
        return Done(state, book);
    }

    private Decision<CaseWorkflowState> Decline(CaseWorkflowState s, EventRaised e)
    {
        if (s.State != CaseState.Clearing)
        {
            return Illegal(s, e);
        }

        var reason = Payload.Read<ReasonPayload>(e.Payload).Reason;
        Require(!string.IsNullOrWhiteSpace(reason) && reason.Length <= FieldLimits.TextLength, "reason is required");
        var state = s with { State = CaseState.Declined, DeclineReason = reason };
        return End(state, e, Timing(s).DeclinedDeletion, "case-declined");
    }

    private Decision<CaseWorkflowState> CompleteAssessment(CaseWorkflowState s, EventRaised e) =>
        s.State == CaseState.Assessment
            ? Done(s with { State = CaseState.Planning }, new TimerBook(s.Timers))
            : Illegal(s, e);

    private Decision<CaseWorkflowState> AgreePlan(CaseWorkflowState s, EventRaised e)
    {
        if (s.State != CaseState.Planning)
        {
            return Illegal(s, e);
        }

        var goals = AgreePlanPayload.Read(e.Payload).Goals;
        var book = new TimerBook(s.Timers);
        book.Cancel(CaseTimers.SupportPlan);
        var state = s with
        {
            State = CaseState.Monitoring,
            Goals = [.. goals],
            PlanAgreedAt = e.At,
            Alerts = s.Alerts.Resolve(AlertKind.SupportPlanDue, e.At),
        };
        ArmMonitoring(book, Timing(s), e.At);
        return Done(state, book);
    }

    private Decision<CaseWorkflowState> Close(CaseWorkflowState s, EventRaised e)
    {
        if (!s.State.IsOpen())
        {
            return Illegal(s, e);
        }

        var payload = Payload.Read<ClosePayload>(e.Payload);
        // The steering group's figures count closure reasons: a close without one is refused, never defaulted.
        Require(payload.Reason is not null, "reason is required");
        var state = s with { State = CaseState.Closed, ClosureReason = payload.Reason };
        return End(state, e, Timing(s).Retention, "case-closed");
    }

    private Decision<CaseWorkflowState> Reopen(CaseWorkflowState s, EventRaised e, WorkflowContext context)
    {
        if (s.State != CaseState.Closed)
        {
            return Illegal(s, e);
        }

        if (s.AcceptedAt is not { } acceptedAt)
        {
            return Illegal(s, e, "A case that was never accepted cannot be reopened; open a new one.");
        }

        if (s.PurgeRequestedAt is not null || s.DeleteAfter is not { } deleteAfter || context.Now >= deleteAfter)
        {
            return Illegal(s, e, "The retention period has ended; the case is being deleted.");
        }

        var timing = Timing(s);
        var state = s with { State = CaseState.Monitoring, ClosureReason = null, EndedAt = null, DeleteAfter = null };
        var book = new TimerBook(s.Timers);
        book.Cancel(CaseTimers.Purge);
        ArmMonitoring(book, timing, e.At);
        var maximum = timing.MaximumDuration.After(acceptedAt, _calendar);
        if (maximum > context.Now)
        {
            book.Start(CaseTimers.MaximumDuration, maximum);
        }

        foreach (var followUp in state.FollowUps.Where(f => f.DoneAt is null))
        {
            book.Start(CaseTimers.FollowUp(followUp.FollowUpId), followUp.DueAt);
        }

        ArmExpiryWarnings(state, book, timing);
        return Done(state, book);
    }

    /// <summary>Closed or Declined: ends all sharing and timers and sets the deletion timer.</summary>
    private Decision<CaseWorkflowState> End(CaseWorkflowState state, EventRaised e, Interval keepFor, string reason)
    {
        var book = new TimerBook(state.Timers);
        book.CancelWhere(_ => true);
        var because = KimJson.ToElement(new ReasonPayload(reason));
        foreach (var referral in state.Referrals.Where(r => r.IsOpen))
        {
            book.Add(new RaiseEventOn(referral.InstanceId, ReferralEvents.Withdraw, because));
        }

        foreach (var handover in state.Handovers.Where(h => h.Status == HandoverStatus.Open))
        {
            book.Add(new RaiseEventOn(handover.InstanceId, HandoverEvents.Cancel, because));
        }

        var deleteAfter = keepFor.After(e.At, _calendar);
        book.Start(CaseTimers.Purge, deleteAfter);
        return Done(state with { EndedAt = e.At, DeleteAfter = deleteAfter }, book);
    }
}
