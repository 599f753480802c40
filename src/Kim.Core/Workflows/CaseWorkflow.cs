using System.Globalization;
using Kim.Core.Cases;
using Kim.Core.Runtime;
using Kim.Core.Workflows.Payloads;
using Barrier = Kim.Core.Cases.Barrier;

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
public sealed class CaseWorkflow : WorkflowDefinition<CaseWorkflowState>
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
        CaseEvents.ReferralUpdated => ApplyReferralUpdate(s, Payload.Read<ReferralUpdate>(e.Payload)),
        CaseEvents.HandoverUpdated => ApplyHandoverUpdate(s, Payload.Read<HandoverUpdate>(e.Payload)),
        _ => Decision<CaseWorkflowState>.Reject(RejectionCodes.UnknownEvent, $"A case has no event '{e.Name}'."),
    };

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

    private Decision<CaseWorkflowState> Assign(CaseWorkflowState s, EventRaised e)
    {
        var id = Payload.Read<AssignPayload>(e.Payload).CaseManagerId;
        Require(!string.IsNullOrWhiteSpace(id) && id.Length <= FieldLimits.IdLength, "caseManagerId is required");
        return Done(s with { Assignee = id }, new TimerBook(s.Timers));
    }

    private Decision<CaseWorkflowState> UpdateClient(CaseWorkflowState s, EventRaised e)
    {
        var names = JsonMergePatch.Names(e.Payload, Client.FieldNames);
        if (!HasConsent(s, e) && names.Any(n => !Client.IdentityFields.Contains(n)))
        {
            return NoCaseProcessingConsent("Before consent to case processing only basic identity data may be recorded.");
        }

        var client = JsonMergePatch.Apply(s.Client, e.Payload!.Value).Normalised();
        Check(client.Validate());
        var state = s with { Client = client };
        var book = new TimerBook(s.Timers);
        ArmExpiryWarnings(state, book, Timing(s));
        return Done(state, book);
    }

    private Decision<CaseWorkflowState> UpdateNeeds(CaseWorkflowState s, EventRaised e)
    {
        if (!s.State.IsOpen())
        {
            return Illegal(s, e);
        }

        JsonMergePatch.Names(e.Payload, Needs.FieldNames);
        if (!HasConsent(s, e))
        {
            return NoCaseProcessingConsent();
        }

        var needs = JsonMergePatch.Apply(s.Needs, e.Payload!.Value).Normalised();
        Check(needs.Validate());
        return Done(s with { Needs = needs }, new TimerBook(s.Timers));
    }

    private Decision<CaseWorkflowState> RecordContact(CaseWorkflowState s, EventRaised e)
    {
        if (!s.State.AllowsCaseWork())
        {
            return Illegal(s, e);
        }

        var payload = Payload.Read<ContactPayload>(e.Payload);
        Require(payload.Note is null || payload.Note.Length <= FieldLimits.TextLength, $"note is longer than {FieldLimits.TextLength} characters");
        if (!string.IsNullOrWhiteSpace(payload.Note) && !HasConsent(s, e))
        {
            return NoCaseProcessingConsent("A contact note needs consent to case processing; record the contact without a note.");
        }

        var at = payload.At ?? e.At;
        var contact = new Contact($"ct-{s.Contacts.Count + 1}", at, payload.Channel, payload.Note, e.Actor);
        var last = s.LastContactAt is { } previous && previous > at ? previous : at;
        var state = s with { Contacts = s.Contacts.Add(contact), LastContactAt = last };
        var book = new TimerBook(s.Timers);
        if (s.State is CaseState.Monitoring or CaseState.HandoverPending)
        {
            book.Start(CaseTimers.NoContact, Timing(s).NoContact.After(last, _calendar));
            state = state with { Alerts = state.Alerts.Resolve(AlertKind.NoContact, e.At) };
        }

        return Done(state, book);
    }

    private Decision<CaseWorkflowState> RecordBarrier(CaseWorkflowState s, EventRaised e)
    {
        if (!s.State.AllowsCaseWork())
        {
            return Illegal(s, e);
        }

        var payload = Payload.Read<BarrierPayload>(e.Payload);
        var errors = new List<FieldError>();
        FieldLimits.CheckText(errors, "agency", payload.Agency, FieldLimits.ShortTextLength, required: true);
        FieldLimits.CheckText(errors, "description", payload.Description, FieldLimits.TextLength, required: true);
        Check(errors);
        if (!HasConsent(s, e))
        {
            return NoCaseProcessingConsent();
        }

        var barrier = new Barrier($"b-{s.Barriers.Count + 1}", payload.Category, payload.Agency, payload.Description, e.At, e.Actor);
        return Done(s with { Barriers = s.Barriers.Add(barrier) }, new TimerBook(s.Timers));
    }

    private Decision<CaseWorkflowState> RecordConsent(CaseWorkflowState s, EventRaised e)
    {
        if (!s.State.IsOpen())
        {
            return Illegal(s, e);
        }

        var payload = Payload.Read<ConsentPayload>(e.Payload);
        var consent = new Consent
        {
            ConsentId = $"consent-{s.Consents.Count + 1}",
            Recipient = payload.Recipient?.Trim() ?? string.Empty,
            Purpose = payload.Purpose?.Trim() ?? string.Empty,
            Categories = [.. (payload.Categories ?? []).Distinct()],
            Form = payload.Form,
            ValidFrom = payload.ValidFrom,
            DocumentId = payload.DocumentId,
            RecordedAt = e.At,
            RecordedBy = e.Actor,
        };
        Check(consent.Validate());
        return Done(s with { Consents = s.Consents.Add(consent) }, new TimerBook(s.Timers));
    }

    private Decision<CaseWorkflowState> WithdrawConsent(CaseWorkflowState s, EventRaised e)
    {
        var id = Payload.Read<ConsentIdPayload>(e.Payload).ConsentId;
        var index = s.Consents.FindIndex(c => c.ConsentId == id);
        if (index < 0)
        {
            return Decision<CaseWorkflowState>.Reject(RejectionCodes.UnknownConsent, $"The case has no consent '{id}'.");
        }

        if (s.Consents[index].WithdrawnAt is not null)
        {
            return Unchanged(s);
        }

        // Withdrawal stops sharing at once: every open referral that shares data under this consent ends.
        var book = new TimerBook(s.Timers);
        foreach (var referral in s.Referrals.Where(r => r.ConsentId == id && r.IsOpen))
        {
            book.Add(new RaiseEventOn(referral.InstanceId, ReferralEvents.Withdraw, KimJson.ToElement(new ReasonPayload("consent-withdrawn"))));
        }

        return Done(s with { Consents = s.Consents.SetItem(index, s.Consents[index] with { WithdrawnAt = e.At }) }, book);
    }

    private Decision<CaseWorkflowState> CreateReferral(CaseWorkflowState s, EventRaised e)
    {
        if (!s.State.AllowsCaseWork())
        {
            return Illegal(s, e);
        }

        var request = Payload.Read<ReferralRequest>(e.Payload);
        var hasPartner = !string.IsNullOrWhiteSpace(request.PartnerId);
        var hasService = !string.IsNullOrWhiteSpace(request.Service);
        Require(hasPartner != hasService, "exactly one of partnerId and service is required");
        Require(!string.IsNullOrWhiteSpace(request.Purpose) && request.Purpose.Length <= FieldLimits.TextLength, "purpose is required");
        Require((request.PartnerId ?? request.Service)!.Length <= FieldLimits.IdLength, "partnerId or service is too long");
        if (!HasConsent(s, e))
        {
            return NoCaseProcessingConsent();
        }

        var recipient = (hasPartner ? request.PartnerId : request.Service)!.Trim();
        var day = _calendar.LocalDate(e.At);
        var consent = request.ConsentId is { } consentId
            ? s.Consents.Find(c => c.ConsentId == consentId)
            : s.Consents.FindLast(c => !c.IsCaseProcessing && c.Covers(recipient, day));
        if (consent is null || !consent.Covers(recipient, day))
        {
            return Decision<CaseWorkflowState>.Reject(
                RejectionCodes.ConsentMissing, $"No active consent names '{recipient}' as recipient; record one first.");
        }

        DateTimeOffset respondBy;
        if (request.RespondBy is { } text)
        {
            Require(_calendar.TryParseDue(text, dayMeansEnd: true, out respondBy), "respondBy must be a day (2026-12-01) or an instant with offset");
            Require(respondBy > e.At, "respondBy lies in the past");
        }
        else
        {
            respondBy = Timing(s).PartnerResponse.After(e.At, _calendar);
        }

        var referralId = $"r-{s.Referrals.Count + 1}";
        var summary = new ReferralSummary(
            referralId,
            $"{s.CaseId}:{referralId}",
            request.Purpose.Trim(),
            consent.ConsentId,
            ReferralState.Sent,
            respondBy,
            e.At,
            hasPartner ? recipient : null,
            hasService ? recipient : null);
        var input = new ReferralStartInput(
            s.CaseId, s.Municipality, summary.Purpose, consent.ConsentId, summary.PartnerId, summary.Service, respondBy, s.District);
        var book = new TimerBook(s.Timers);
        book.Add(new StartChild(summary.InstanceId, ReferralWorkflow.WorkflowName, KimJson.ToElement(input)));
        return Done(s with { Referrals = s.Referrals.Add(summary) }, book);
    }

    private Decision<CaseWorkflowState> StartHandover(CaseWorkflowState s, EventRaised e)
    {
        if (s.State != CaseState.Monitoring)
        {
            return Illegal(s, e);
        }

        var request = Payload.Read<HandoverRequest>(e.Payload);
        if (!HasConsent(s, e))
        {
            return NoCaseProcessingConsent();
        }

        if (HandoverPlan.For(request.From, request.To, request.TriggerDate) is not { } plan)
        {
            return Decision<CaseWorkflowState>.Reject(
                RejectionCodes.UnsupportedHandover, $"Kim has no handover plan from {request.From.ToName()} to {request.To.ToName()}.");
        }

        var handoverId = $"h-{s.Handovers.Count + 1}";
        var summary = new HandoverSummary(
            handoverId,
            $"{s.CaseId}:{handoverId}",
            plan.Kind,
            plan.From,
            plan.To,
            plan.TriggerDate,
            plan.Target,
            plan.HardDeadline,
            [.. plan.Steps.Select(step => new HandoverStepStatus(step.Step, step.DueDate, _calendar.EndOfDay(step.DueDate), step.IsHardDeadline))]);
        var input = new HandoverStartInput(s.CaseId, s.Municipality, plan.From, plan.To, plan.TriggerDate, s.District);
        var book = new TimerBook(s.Timers);
        book.Add(new StartChild(summary.InstanceId, HandoverWorkflow.WorkflowName, KimJson.ToElement(input)));
        return Done(s with { State = CaseState.HandoverPending, Handovers = s.Handovers.Add(summary) }, book);
    }

    private Decision<CaseWorkflowState> AddFollowUp(CaseWorkflowState s, EventRaised e)
    {
        if (!s.State.AllowsCaseWork())
        {
            return Illegal(s, e);
        }

        var request = Payload.Read<FollowUpRequest>(e.Payload);
        Require(_calendar.TryParseDue(request.DueAt, dayMeansEnd: false, out var dueAt), "dueAt must be a day (2026-12-01) or an instant with offset");
        Require(!string.IsNullOrWhiteSpace(request.Note) && request.Note.Length <= FieldLimits.TextLength, "note is required");
        var followUp = new FollowUp($"f-{s.FollowUps.Count + 1}", dueAt, request.Note, e.Actor, e.At);
        var book = new TimerBook(s.Timers);
        book.Start(CaseTimers.FollowUp(followUp.FollowUpId), dueAt);
        return Done(s with { FollowUps = s.FollowUps.Add(followUp) }, book);
    }

    private Decision<CaseWorkflowState> CompleteFollowUp(CaseWorkflowState s, EventRaised e)
    {
        var id = Payload.Read<FollowUpIdPayload>(e.Payload).FollowUpId;
        var index = s.FollowUps.FindIndex(f => f.FollowUpId == id);
        if (index < 0)
        {
            return Decision<CaseWorkflowState>.Reject(RejectionCodes.UnknownFollowUp, $"The case has no follow-up '{id}'.");
        }

        if (s.FollowUps[index].DoneAt is not null)
        {
            return Unchanged(s);
        }

        var book = new TimerBook(s.Timers);
        book.Cancel(CaseTimers.FollowUp(id));
        return Done(
            s with
            {
                FollowUps = s.FollowUps.SetItem(index, s.FollowUps[index] with { DoneAt = e.At, DoneBy = e.Actor }),
                Alerts = s.Alerts.Resolve(AlertKind.FollowUpDue, e.At, id),
            },
            book);
    }

    private Decision<CaseWorkflowState> SetLegalHold(CaseWorkflowState s, EventRaised e)
    {
        var hold = Payload.Read<LegalHoldPayload>(e.Payload).Hold;
        var book = new TimerBook(s.Timers);
        if (!hold && !s.State.IsOpen() && s.PurgeRequestedAt is null && s.DeleteAfter is { } deleteAfter
            && !book.Timers.ContainsKey(CaseTimers.Purge))
        {
            // The deletion the hold stopped happens now (or when it was due anyway).
            book.Start(CaseTimers.Purge, deleteAfter);
        }

        return Done(s with { LegalHold = hold }, book);
    }

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

                book.Add(new RunAction($"purge:{s.CaseId}", ActionNames.PurgeCase, KimJson.ToElement(new CaseReference(s.CaseId, s.Municipality))));
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

    private Decision<CaseWorkflowState> OnChildCompleted(CaseWorkflowState s, ChildCompleted child)
    {
        if (child.ChildWorkflow == ReferralWorkflow.WorkflowName && child.Output is { } referralOutput)
        {
            return ApplyReferralUpdate(s, Payload.Read<ReferralUpdate>(referralOutput) with { ReferralId = child.ChildInstanceId });
        }

        if (child.ChildWorkflow == HandoverWorkflow.WorkflowName)
        {
            var update = child.Output is { } handoverOutput && child.Status == WorkflowStatus.Completed
                ? Payload.Read<HandoverUpdate>(handoverOutput) with { HandoverId = child.ChildInstanceId }
                : null;
            var index = s.Handovers.FindIndex(h => h.InstanceId == child.ChildInstanceId);
            if (index < 0)
            {
                return Unchanged(s);
            }

            var ended = s.Handovers[index] with
            {
                Status = update?.Status is HandoverStatus.Completed ? HandoverStatus.Completed : HandoverStatus.Cancelled,
                Steps = update?.Steps ?? s.Handovers[index].Steps,
            };
            var state = s with { Handovers = s.Handovers.SetItem(index, ended) };
            if (state.State == CaseState.HandoverPending && state.Handovers.All(h => h.Status != HandoverStatus.Open))
            {
                state = state with { State = CaseState.Monitoring };
            }

            return Done(state, new TimerBook(s.Timers));
        }

        return Unchanged(s);
    }

    private Decision<CaseWorkflowState> ApplyReferralUpdate(CaseWorkflowState s, ReferralUpdate update)
    {
        var index = s.Referrals.FindIndex(r => r.InstanceId == update.ReferralId);
        if (index < 0)
        {
            return Unchanged(s);
        }

        var referral = s.Referrals[index] with
        {
            State = update.State,
            RespondedAt = update.RespondedAt ?? s.Referrals[index].RespondedAt,
            Reason = update.Reason ?? s.Referrals[index].Reason,
            Successful = update.Successful ?? s.Referrals[index].Successful,
        };
        return Done(s with { Referrals = s.Referrals.SetItem(index, referral) }, new TimerBook(s.Timers));
    }

    private Decision<CaseWorkflowState> ApplyHandoverUpdate(CaseWorkflowState s, HandoverUpdate update)
    {
        var index = s.Handovers.FindIndex(h => h.InstanceId == update.HandoverId);
        return index < 0
            ? Unchanged(s)
            : Done(s with { Handovers = s.Handovers.SetItem(index, s.Handovers[index] with { Steps = [.. update.Steps] }) }, new TimerBook(s.Timers));
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

    private bool HasConsent(CaseWorkflowState s, WorkflowEvent e) => s.HasCaseProcessingConsent(_calendar.LocalDate(e.At));

    private static bool TryDateSuffix(string id, string prefix, out DateOnly day)
    {
        day = default;
        return id.StartsWith(prefix, StringComparison.Ordinal)
            && DateOnly.TryParseExact(id[prefix.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

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
