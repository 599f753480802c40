using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows.Payloads;
using Barrier = Kim.Core.Cases.Barrier;

namespace Kim.Core.Workflows;

/// <summary>Case work in the open states: assignment, client data, contacts, barriers, consents, referrals, handovers, follow-ups, legal hold.</summary>
public sealed partial class CaseWorkflow
{
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
        var keep = !string.IsNullOrEmpty(payload.Note);
        var contact = new Contact($"ct-{s.Contacts.Count + 1}", at, payload.Channel, null, e.Actor, NoteKept: keep);
        var last = s.LastContactAt is { } previous && previous > at ? previous : at;
        var state = s with { Contacts = s.Contacts.Add(contact), LastContactAt = last };
        var book = new TimerBook(s.Timers);
        if (keep)
        {
            // Contacts grow for years: their notes live in rows of their own (ARCHITECTURE.md).
            book.Add(new KeepText(contact.ContactId, payload.Note!));
        }

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
            plan.StepStatuses(_calendar));
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
        var (hold, reason) = Payload.Read<LegalHoldPayload>(e.Payload);
        if (s.PurgeRequestedAt is not null)
        {
            return Illegal(s, e, "The case is being deleted.");
        }

        // A hold must be justified (a court case, an authority's request): the reason stays in the timeline.
        Require(!hold || (!string.IsNullOrWhiteSpace(reason) && reason.Length <= FieldLimits.TextLength), "reason is required (at most 4000 characters)");
        Require(reason is null || reason.Length <= FieldLimits.TextLength, "reason has at most 4000 characters");
        var book = new TimerBook(s.Timers);
        if (!hold && !s.State.IsOpen() && s.PurgeRequestedAt is null && s.DeleteAfter is { } deleteAfter
            && !book.Timers.ContainsKey(CaseTimers.Purge))
        {
            // The deletion the hold stopped happens now (or when it was due anyway).
            book.Start(CaseTimers.Purge, deleteAfter);
        }

        return Done(s with { LegalHold = hold }, book);
    }

    /// <summary>
    /// Art. 17 GDPR: an ended case (closed or declined) is deleted now, as its retention would later;
    /// the purge itself is the same action (<c>purge-case</c>), run by the caller at once and by the
    /// case clock should the caller fail half-way.
    /// </summary>
    private static Decision<CaseWorkflowState> Erase(CaseWorkflowState s, EventRaised e, WorkflowContext context)
    {
        if (s.State.IsOpen())
        {
            return Illegal(s, e, "An open case cannot be deleted; close it first (e.g. as consent-withdrawn).");
        }

        if (s.LegalHold)
        {
            return Decision<CaseWorkflowState>.Reject(RejectionCodes.LegalHold, "The case is under a legal hold; lift it first.", s.State.ToName());
        }

        var book = new TimerBook(s.Timers);
        if (s.PurgeRequestedAt is null)
        {
            book.Cancel(CaseTimers.Purge);
            book.Add(PurgeAction(s));
        }

        return Done(s with { PurgeRequestedAt = s.PurgeRequestedAt ?? context.Now }, book);
    }
}
