using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows.Payloads;

namespace Kim.Core.Workflows;

/// <summary>
/// A legal-domain handover: the plan (<see cref="HandoverPlan"/>) computed from the trigger date,
/// one timer per deadline, and steps confirmed one by one by people. Started by its case with a
/// <see cref="HandoverStartInput"/>; events in <see cref="HandoverEvents"/>, timers in
/// <see cref="HandoverTimers"/>. Completes with a <see cref="HandoverUpdate"/> when every step is
/// confirmed (or when cancelled), so the case goes back to Monitoring.
/// </summary>
/// <remarks>
/// Confirming a step that is already confirmed changes nothing (a double click is no conflict); an
/// unknown step is rejected with <c>unknown-step</c>. A notice whose time has already passed when the
/// handover starts is skipped; a deadline already passed fires at once. A step may still be confirmed
/// after its deadline.
/// </remarks>
public sealed class HandoverWorkflow : WorkflowDefinition<HandoverWorkflowState>
{
    public const string WorkflowName = "handover";

    private readonly Func<TimingSettings> _timing;
    private readonly WorkingCalendar _calendar;

    public HandoverWorkflow(TimingSettings? timing = null, WorkingCalendar? calendar = null)
        : this(() => timing ?? TimingSettings.Default, calendar ?? WorkingCalendar.Nrw)
    {
    }

    public HandoverWorkflow(Func<TimingSettings> timing, WorkingCalendar calendar)
    {
        _timing = timing;
        _calendar = calendar;
    }

    public override string Name => WorkflowName;

    public override int Version => 1;

    public override Decision<HandoverWorkflowState> Decide(HandoverWorkflowState? state, WorkflowEvent workflowEvent, WorkflowContext context)
    {
        try
        {
            return (state, workflowEvent) switch
            {
                (null, WorkflowStarted started) => Start(started, context),
                (null, _) => Decision<HandoverWorkflowState>.Reject(RejectionCodes.NotStarted, "The handover has not started."),
                (not null, EventRaised raised) => OnRaised(state, raised, context),
                (not null, TimerFired fired) => OnTimer(state, fired, context),
                _ => Unchanged(state!),
            };
        }
        catch (InvalidPayloadException e)
        {
            return Decision<HandoverWorkflowState>.Reject(RejectionCodes.InvalidPayload, e.Message);
        }
    }

    private Decision<HandoverWorkflowState> Start(WorkflowStarted e, WorkflowContext context)
    {
        var input = Payload.Read<HandoverStartInput>(e.Input);
        if (HandoverPlan.For(input.From, input.To, input.TriggerDate) is not { } plan)
        {
            return Decision<HandoverWorkflowState>.Reject(
                RejectionCodes.UnsupportedHandover, $"Kim has no handover plan from {input.From.ToName()} to {input.To.ToName()}.");
        }

        var state = new HandoverWorkflowState
        {
            HandoverId = context.InstanceId,
            CaseId = input.CaseId,
            Municipality = input.Municipality,
            District = input.District,
            Kind = plan.Kind,
            From = plan.From,
            To = plan.To,
            TriggerDate = plan.TriggerDate,
            Target = plan.Target,
            HardDeadline = plan.HardDeadline,
            Steps = [.. plan.StepStatuses(_calendar)],
        };
        var notice = _timing().For(input.District, input.Municipality).HandoverNotice;
        var book = new TimerBook(state.Timers);
        foreach (var step in state.Steps)
        {
            var noticeAt = _calendar.MorningOf(notice.Before(step.DueDate, _calendar));
            if (noticeAt > context.Now)
            {
                book.Start(HandoverTimers.Notice(step.Step), noticeAt);
            }

            book.Start(step.IsHardDeadline ? HandoverTimers.HardDeadline : HandoverTimers.Due(step.Step), step.DueAt);
        }

        if (state.Steps.Any(s => s.IsHardDeadline) && plan.Target < plan.HardDeadline)
        {
            book.Start(HandoverTimers.Target, _calendar.EndOfDay(plan.Target));
        }

        return Done(state, book);
    }

    private Decision<HandoverWorkflowState> OnRaised(HandoverWorkflowState s, EventRaised e, WorkflowContext context) => e.Name switch
    {
        HandoverEvents.ConfirmStep => ConfirmStep(s, e, context),
        HandoverEvents.Cancel => Cancel(s, e),
        _ => Decision<HandoverWorkflowState>.Reject(RejectionCodes.UnknownEvent, $"A handover has no event '{e.Name}'."),
    };

    private static Decision<HandoverWorkflowState> ConfirmStep(HandoverWorkflowState s, EventRaised e, WorkflowContext context)
    {
        var stepId = Payload.Read<StepPayload>(e.Payload).Step;
        var index = s.Steps.FindIndex(step => step.Step == stepId);
        if (index < 0)
        {
            return Decision<HandoverWorkflowState>.Reject(
                RejectionCodes.UnknownStep, $"This handover has no step '{stepId}'; its steps: {string.Join(", ", s.Steps.Select(x => x.Step))}.");
        }

        var step = s.Steps[index];
        if (step.ConfirmedAt is not null)
        {
            return Unchanged(s);
        }

        if (s.Status != HandoverStatus.Open)
        {
            return Decision<HandoverWorkflowState>.Reject(
                RejectionCodes.IllegalTransition, $"The handover is {KimJson.Name(s.Status)}.", KimJson.Name(s.Status));
        }

        var book = new TimerBook(s.Timers);
        book.Cancel(HandoverTimers.Notice(step.Step));
        book.Cancel(HandoverTimers.Due(step.Step));
        if (step.IsHardDeadline)
        {
            book.Cancel(HandoverTimers.HardDeadline);
            book.Cancel(HandoverTimers.Target);
        }

        var alerts = s.Alerts.ConvertAll(a => a.Reference == step.Step && a.ResolvedAt is null ? a with { ResolvedAt = e.At } : a);
        var state = s with
        {
            Steps = s.Steps.SetItem(index, step with { ConfirmedAt = e.At, ConfirmedBy = e.Actor }),
            Alerts = alerts,
        };
        if (state.Steps.All(x => x.ConfirmedAt is not null))
        {
            return Ended(state with { Status = HandoverStatus.Completed }, book);
        }

        if (context.ParentInstanceId is { } caseInstance)
        {
            book.Add(new RaiseEventOn(caseInstance, CaseEvents.HandoverUpdated, KimJson.ToElement(Update(state))));
        }

        return Done(state, book);
    }

    private static Decision<HandoverWorkflowState> Cancel(HandoverWorkflowState s, EventRaised e)
    {
        if (s.Status != HandoverStatus.Open)
        {
            return Unchanged(s);
        }

        var reason = Payload.Read<ReasonPayload>(e.Payload).Reason;
        return Ended(s with { Status = HandoverStatus.Cancelled, CancelReason = reason }, new TimerBook(s.Timers));
    }

    private static Decision<HandoverWorkflowState> OnTimer(HandoverWorkflowState s, TimerFired fired, WorkflowContext context)
    {
        var book = new TimerBook(s.Timers);
        if (!book.Holds(fired))
        {
            return Unchanged(s);
        }

        book.Fired(fired.TimerId);
        var hardStep = s.Steps.FirstOrDefault(x => x.IsHardDeadline);
        var state = s;
        AlertKind kind;
        HandoverStepStatus? step;
        if (fired.TimerId == HandoverTimers.HardDeadline && hardStep is not null)
        {
            (kind, step) = (AlertKind.HardDeadlineMissed, hardStep);
            state = state with { HardDeadlineMissedAt = context.Now };
            book.Add(new RunAction(
                "hard-deadline-missed", ActionNames.NotifyHardDeadlineMissed, KimJson.ToElement(new CaseReference(s.CaseId, s.Municipality))));
        }
        else if (fired.TimerId == HandoverTimers.Target && hardStep is not null)
        {
            (kind, step) = (AlertKind.HandoverTargetMissed, hardStep);
        }
        else if (s.Steps.FirstOrDefault(x => fired.TimerId == HandoverTimers.Notice(x.Step)) is { } noticed)
        {
            (kind, step) = (AlertKind.HandoverStepDueSoon, noticed);
        }
        else if (s.Steps.FirstOrDefault(x => fired.TimerId == HandoverTimers.Due(x.Step)) is { } overdue)
        {
            (kind, step) = (AlertKind.HandoverStepOverdue, overdue);
        }
        else
        {
            return Done(s, book);
        }

        if (step.ConfirmedAt is not null)
        {
            return Done(state, book);
        }

        var notice = new CaseManagerNotice(s.CaseId, s.Municipality, kind, step.DueAt, Reference: step.Step);
        book.Add(new RunAction(CaseWorkflow.NoticeActionId(fired), ActionNames.NotifyCaseManager, KimJson.ToElement(notice)));
        return Done(state with { Alerts = state.Alerts.Add(new Alert(kind, step.DueAt, context.Now, step.Step)) }, book);
    }

    private static Decision<HandoverWorkflowState> Ended(HandoverWorkflowState s, TimerBook book)
    {
        book.CancelWhere(_ => true);
        book.Add(new CompleteWorkflow(KimJson.ToElement(Update(s))));
        return Done(s, book);
    }

    private static HandoverUpdate Update(HandoverWorkflowState s) => new(s.HandoverId, s.Status, s.Steps);

    private static Decision<HandoverWorkflowState> Done(HandoverWorkflowState state, TimerBook book) =>
        Decision<HandoverWorkflowState>.To(state with { Timers = book.Timers }, KimJson.Name(state.Status), book.Commands);

    private static Decision<HandoverWorkflowState> Unchanged(HandoverWorkflowState state) =>
        Decision<HandoverWorkflowState>.To(state, KimJson.Name(state.Status));
}
