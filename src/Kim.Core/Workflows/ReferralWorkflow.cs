using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows.Payloads;

namespace Kim.Core.Workflows;

/// <summary>
/// A referral to a partner or service: sent → accepted | rejected | withdrawn; accepted → done (or
/// withdrawn). Started by its case with a <see cref="ReferralStartInput"/>; events in
/// <see cref="ReferralEvents"/>, timers in <see cref="ReferralTimers"/>. It completes when rejected,
/// withdrawn or done, with a <see cref="ReferralUpdate"/> as output, so the case gets
/// <see cref="ChildCompleted"/>; an acceptance is raised on the case as <c>referral-updated</c>.
/// </summary>
/// <remarks>
/// A <c>withdraw</c> of a referral that has already ended changes nothing (the case withdraws what
/// it believes open, and may be a step behind); other events out of turn are illegal transitions.
/// </remarks>
public sealed class ReferralWorkflow : WorkflowDefinition<ReferralWorkflowState>
{
    public const string WorkflowName = "referral";

    private readonly Func<TimingSettings> _timing;
    private readonly WorkingCalendar _calendar;

    public ReferralWorkflow(TimingSettings? timing = null, WorkingCalendar? calendar = null)
        : this(() => timing ?? TimingSettings.Default, calendar ?? WorkingCalendar.Nrw)
    {
    }

    public ReferralWorkflow(Func<TimingSettings> timing, WorkingCalendar calendar)
    {
        _timing = timing;
        _calendar = calendar;
    }

    public override string Name => WorkflowName;

    public override int Version => 1;

    public override Decision<ReferralWorkflowState> Decide(ReferralWorkflowState? state, WorkflowEvent workflowEvent, WorkflowContext context)
    {
        try
        {
            return (state, workflowEvent) switch
            {
                (null, WorkflowStarted started) => Start(started, context),
                (null, _) => Decision<ReferralWorkflowState>.Reject(RejectionCodes.NotStarted, "The referral has not started."),
                (not null, EventRaised raised) => OnRaised(state, raised, context),
                (not null, TimerFired fired) => OnTimer(state, fired, context),
                _ => Unchanged(state!),
            };
        }
        catch (InvalidPayloadException e)
        {
            return Decision<ReferralWorkflowState>.Reject(RejectionCodes.InvalidPayload, e.Message);
        }
    }

    private TimingOptions Timing(ReferralWorkflowState state) => _timing().For(state.District, state.Municipality);

    private Decision<ReferralWorkflowState> Start(WorkflowStarted e, WorkflowContext context)
    {
        var input = Payload.Read<ReferralStartInput>(e.Input);
        if (string.IsNullOrWhiteSpace(input.PartnerId) == string.IsNullOrWhiteSpace(input.Service))
        {
            throw new InvalidPayloadException("exactly one of partnerId and service is required");
        }

        var state = new ReferralWorkflowState
        {
            ReferralId = context.InstanceId,
            CaseId = input.CaseId,
            Municipality = input.Municipality,
            District = input.District,
            PartnerId = input.PartnerId,
            Service = input.Service,
            Purpose = input.Purpose,
            ConsentId = input.ConsentId,
            State = ReferralState.Sent,
            RespondBy = DateTimeOffset.MinValue,
            CreatedAt = e.At,
            CreatedBy = e.Actor,
        };
        state = state with { RespondBy = input.RespondBy ?? Timing(state).PartnerResponse.After(e.At, _calendar) };
        var book = new TimerBook(state.Timers);
        book.Start(ReferralTimers.PartnerResponse, state.RespondBy);
        if (state.PartnerId is { } partnerId)
        {
            book.Add(new RunAction("notify-partner", ActionNames.NotifyPartnerReferral, KimJson.ToElement(new PartnerNotice(state.ReferralId, partnerId))));
        }

        return Done(state, book);
    }

    private Decision<ReferralWorkflowState> OnRaised(ReferralWorkflowState s, EventRaised e, WorkflowContext context) => e.Name switch
    {
        ReferralEvents.Respond => Respond(s, e, context),
        ReferralEvents.Withdraw => Withdraw(s, e),
        ReferralEvents.Outcome => Outcome(s, e),
        _ => Decision<ReferralWorkflowState>.Reject(RejectionCodes.UnknownEvent, $"A referral has no event '{e.Name}'."),
    };

    private Decision<ReferralWorkflowState> Respond(ReferralWorkflowState s, EventRaised e, WorkflowContext context)
    {
        if (s.State != ReferralState.Sent)
        {
            return Illegal(s, e);
        }

        var payload = Payload.Read<RespondPayload>(e.Payload);
        var book = new TimerBook(s.Timers);
        book.Cancel(ReferralTimers.PartnerResponse);
        var answered = s with
        {
            RespondedAt = e.At,
            RespondedBy = e.Actor,
            Alerts = s.Alerts.Resolve(AlertKind.PartnerResponseOverdue, e.At),
        };
        if (payload.Decision == ReferralDecision.Rejected)
        {
            if (string.IsNullOrWhiteSpace(payload.Reason) || payload.Reason.Length > FieldLimits.TextLength)
            {
                throw new InvalidPayloadException("reason is required for a rejection");
            }

            return Ended(answered with { State = ReferralState.Rejected, Reason = payload.Reason }, book, e);
        }

        var accepted = answered with { State = ReferralState.Accepted };
        book.Start(ReferralTimers.ClientArrival, Timing(s).ClientArrivalCheck.After(e.At, _calendar));
        if (context.ParentInstanceId is { } caseInstance)
        {
            book.Add(new RaiseEventOn(caseInstance, CaseEvents.ReferralUpdated, KimJson.ToElement(Update(accepted))));
        }

        return Done(accepted, book);
    }

    private static Decision<ReferralWorkflowState> Withdraw(ReferralWorkflowState s, EventRaised e)
    {
        if (s.State is not (ReferralState.Sent or ReferralState.Accepted))
        {
            return Unchanged(s);
        }

        var reason = Payload.Read<ReasonPayload>(e.Payload).Reason;
        var book = new TimerBook(s.Timers);
        return Ended(s with { State = ReferralState.Withdrawn, Reason = reason }, book, e);
    }

    private static Decision<ReferralWorkflowState> Outcome(ReferralWorkflowState s, EventRaised e)
    {
        if (s.State != ReferralState.Accepted)
        {
            return Illegal(s, e);
        }

        var payload = Payload.Read<OutcomePayload>(e.Payload);
        if (!payload.Successful && payload.Reason is null)
        {
            throw new InvalidPayloadException("reason is required when the referral was not successful");
        }

        if (payload.Note is { Length: > FieldLimits.TextLength })
        {
            throw new InvalidPayloadException($"note is longer than {FieldLimits.TextLength} characters");
        }

        var done = s with
        {
            State = ReferralState.Done,
            Successful = payload.Successful,
            OutcomeReason = payload.Reason,
            OutcomeNote = payload.Note,
            Alerts = s.Alerts.Resolve(AlertKind.ClientArrivalCheck, e.At),
        };
        return Ended(done, new TimerBook(s.Timers), e);
    }

    private Decision<ReferralWorkflowState> OnTimer(ReferralWorkflowState s, TimerFired fired, WorkflowContext context)
    {
        var book = new TimerBook(s.Timers);
        if (!book.Holds(fired))
        {
            return Unchanged(s);
        }

        book.Fired(fired.TimerId);
        AlertKind kind;
        switch (fired.TimerId)
        {
            case ReferralTimers.PartnerResponse:
                kind = AlertKind.PartnerResponseOverdue;
                if (s.PartnerId is { } partnerId)
                {
                    book.Add(new RunAction(
                        $"remind-partner:{fired.DueAt.ToUnixTimeSeconds()}",
                        ActionNames.RemindPartner,
                        KimJson.ToElement(new PartnerNotice(s.ReferralId, partnerId))));
                }

                break;
            case ReferralTimers.ClientArrival:
                kind = AlertKind.ClientArrivalCheck;
                break;
            default:
                return Done(s, book);
        }

        var notice = new CaseManagerNotice(s.CaseId, s.Municipality, kind, fired.DueAt, Reference: s.ShortId);
        book.Add(new RunAction(CaseWorkflow.NoticeActionId(fired), ActionNames.NotifyCaseManager, KimJson.ToElement(notice)));
        return Done(s with { Alerts = s.Alerts.Add(new Alert(kind, fired.DueAt, context.Now, s.ShortId)) }, book);
    }

    private static Decision<ReferralWorkflowState> Ended(ReferralWorkflowState s, TimerBook book, EventRaised e)
    {
        book.CancelWhere(_ => true);
        var ended = s with { EndedAt = e.At };
        book.Add(new CompleteWorkflow(KimJson.ToElement(Update(ended))));
        return Done(ended, book);
    }

    private static ReferralUpdate Update(ReferralWorkflowState s) =>
        new(s.ReferralId, s.State, s.RespondedAt, s.Reason ?? (s.OutcomeReason is { } r ? KimJson.Name(r) : null), s.Successful);

    private static Decision<ReferralWorkflowState> Done(ReferralWorkflowState state, TimerBook book) =>
        Decision<ReferralWorkflowState>.To(state with { Timers = book.Timers }, KimJson.Name(state.State), book.Commands);

    private static Decision<ReferralWorkflowState> Unchanged(ReferralWorkflowState state) =>
        Decision<ReferralWorkflowState>.To(state, KimJson.Name(state.State));

    private static Decision<ReferralWorkflowState> Illegal(ReferralWorkflowState s, EventRaised e) =>
        Decision<ReferralWorkflowState>.Reject(
            RejectionCodes.IllegalTransition,
            $"'{e.Name}' is not possible while the referral is {KimJson.Name(s.State)}.",
            KimJson.Name(s.State));
}
