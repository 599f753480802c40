using System.Globalization;
using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows.Payloads;

namespace Kim.Core.Workflows;

/// <summary>
/// The case process of DOMAIN.md as a pure state machine. Started with a <see cref="CaseStartInput"/>;
/// every person's action is an <see cref="EventRaised"/> named as in <see cref="CaseEvents"/>; timers
/// are listed in <see cref="CaseTimers"/>. The custom status is the case state's name.
/// </summary>
/// <remarks>
/// Rules where DOMAIN.md is silent:
/// <list type="bullet">
/// <item>Before consent to case processing exists (from the intake's flag or a recorded consent with
/// purpose <c>case-processing</c>) a case holds basic identity data only: the intake's other data are
/// dropped; <c>update-needs</c>, <c>record-barrier</c>, <c>create-referral</c>, <c>start-handover</c>,
/// <c>accept</c>, a contact with a note and client fields beyond <see cref="Client.IdentityFields"/> are
/// rejected with <c>consent-missing</c>. Consents, follow-ups (tasks), assignment and contacts
/// without a note are possible.</item>
/// <item>Residence-document and benefit-period warnings and the maximum duration run from acceptance
/// (a case taken on) until the case ends; plan review and no-contact run in Monitoring and Handover pending.</item>
/// <item>Closing or declining withdraws every open referral and cancels an open handover, cancels all
/// timers and sets the deletion timer. A reopen is possible until deletion, for cases once accepted.</item>
/// <item>Alerts stay in state; a contact resolves the no-contact alert, agreeing the plan the support-plan
/// alert, leaving Referred the first-contact alert, completing a follow-up its alert.</item>
/// </list>
/// </remarks>
public sealed partial class CaseWorkflow : WorkflowDefinition<CaseWorkflowState>
{
    public const string WorkflowName = "case";

    private readonly Func<TimingSettings> _timing;

    private readonly WorkingCalendar _calendar;

    public CaseWorkflow(TimingSettings? timing = null, WorkingCalendar? calendar = null)
        : this(() => timing ?? TimingSettings.Default, calendar ?? WorkingCalendar.Nrw)
    {
    }

    /// <param name="timing">Read whenever a timer is set, so that changed settings apply to timers set afterwards.</param>
    public CaseWorkflow(Func<TimingSettings> timing, WorkingCalendar calendar)
    {
        _timing = timing;
        _calendar = calendar;
    }

    public override string Name => WorkflowName;

    public override int Version => 1;

    public override Decision<CaseWorkflowState> Decide(CaseWorkflowState? state, WorkflowEvent workflowEvent, WorkflowContext context)
    {
        try
        {
            return (state, workflowEvent) switch
            {
                (null, WorkflowStarted started) => Start(started, context),
                (null, _) => Decision<CaseWorkflowState>.Reject(RejectionCodes.NotStarted, "The case has not started."),
                (not null, EventRaised raised) => OnRaised(state, raised, context),
                (not null, TimerFired fired) => OnTimer(state, fired, context),
                (not null, ChildCompleted child) => OnChildCompleted(state, child),
                _ => Unchanged(state!),
            };
        }
        catch (InvalidPayloadException e)
        {
            return Decision<CaseWorkflowState>.Reject(RejectionCodes.InvalidPayload, e.Message);
        }
    }

    private TimingOptions Timing(CaseWorkflowState state) => _timing().For(state.District, state.Municipality);

    private Decision<CaseWorkflowState> Start(WorkflowStarted e, WorkflowContext context)
    {
        var input = Payload.Read<CaseStartInput>(e.Input);
        Require(!string.IsNullOrWhiteSpace(input.Municipality), "municipality is required");
        var client = input.Client.Normalised();
        var needs = (input.Needs ?? Needs.None).Normalised();
        Check([.. client.Validate(), .. needs.Validate()]);

        var consents = input.ConsentToCaseProcessing
            ? [new Consent
            {
                ConsentId = "consent-1",
                Recipient = input.Municipality,
                Purpose = Consent.CaseProcessingPurpose,
                Categories = Enum.GetValues<DataCategory>(),
                Form = ConsentForm.Declared,
                ValidFrom = _calendar.LocalDate(e.At),
                RecordedAt = e.At,
                RecordedBy = e.Actor,
            }]
            : System.Collections.Immutable.ImmutableList<Consent>.Empty;

        var state = new CaseWorkflowState
        {
            CaseId = context.InstanceId,
            Municipality = input.Municipality,
            District = input.District,
            State = CaseState.Referred,
            Client = input.ConsentToCaseProcessing ? client : client.IdentityOnly(),
            Needs = input.ConsentToCaseProcessing ? needs : Needs.None,
            Urgency = input.Urgency,
            Source = new CaseSource(input.SourcePartnerId, input.PartnerReference, input.PartnerContact),
            OpenedBy = e.Actor,
            OpenedAt = e.At,
            Consents = consents,
        };
        var book = new TimerBook(state.Timers);
        book.Start(CaseTimers.FirstContact, Timing(state).FirstContactDue.After(e.At, _calendar));
        return Done(state, book);
    }

    private Decision<CaseWorkflowState> OnRaised(CaseWorkflowState s, EventRaised e, WorkflowContext context) => e.Name switch
    {
        CaseEvents.StartClearing => StartClearing(s, e),
        CaseEvents.Accept => Accept(s, e),
        CaseEvents.Decline => Decline(s, e),
        CaseEvents.CompleteAssessment => CompleteAssessment(s, e),
        CaseEvents.AgreePlan => AgreePlan(s, e),
        CaseEvents.Close => Close(s, e),
        CaseEvents.Reopen => Reopen(s, e, context),
        CaseEvents.Assign => Assign(s, e),
        CaseEvents.UpdateClient => UpdateClient(s, e),
        CaseEvents.UpdateNeeds => UpdateNeeds(s, e),
        CaseEvents.RecordContact => RecordContact(s, e),
        CaseEvents.RecordBarrier => RecordBarrier(s, e),
        CaseEvents.RecordConsent => RecordConsent(s, e),
        CaseEvents.WithdrawConsent => WithdrawConsent(s, e),
        CaseEvents.CreateReferral => CreateReferral(s, e),
        CaseEvents.StartHandover => StartHandover(s, e),
        CaseEvents.AddFollowUp => AddFollowUp(s, e),
        CaseEvents.CompleteFollowUp => CompleteFollowUp(s, e),
        CaseEvents.SetLegalHold => SetLegalHold(s, e),
        CaseEvents.Erase => Erase(s, e, context),
        CaseEvents.ReferralUpdated => ApplyReferralUpdate(s, Payload.Read<ReferralUpdate>(e.Payload)),
        CaseEvents.HandoverUpdated => ApplyHandoverUpdate(s, Payload.Read<HandoverUpdate>(e.Payload)),
        _ => Decision<CaseWorkflowState>.Reject(RejectionCodes.UnknownEvent, $"A case has no event '{e.Name}'."),
    };

    private bool HasConsent(CaseWorkflowState s, WorkflowEvent e) => s.HasCaseProcessingConsent(_calendar.LocalDate(e.At));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Decision<CaseWorkflowState> Done(CaseWorkflowState state, TimerBook book) =>
        Decision<CaseWorkflowState>.To(state with { Timers = book.Timers }, state.State.ToName(), book.Commands);

    private static Decision<CaseWorkflowState> Unchanged(CaseWorkflowState state) =>
        Decision<CaseWorkflowState>.To(state, state.State.ToName());

    private static Decision<CaseWorkflowState> Illegal(CaseWorkflowState s, EventRaised e, string? why = null) =>
        Decision<CaseWorkflowState>.Reject(
            RejectionCodes.IllegalTransition,
            why ?? $"'{e.Name}' is not possible while the case is {s.State.ToName()}.",
            s.State.ToName());

    private static Decision<CaseWorkflowState> NoCaseProcessingConsent(string? why = null) =>
        Decision<CaseWorkflowState>.Reject(RejectionCodes.ConsentMissing, why ?? "The client has not consented to case processing.");

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidPayloadException(message);
        }
    }

    private static void Check(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidPayloadException(string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}")));
        }
    }
}
