using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Barrier = Kim.Core.Cases.Barrier;

namespace Kim.Api.Cases;

/// <summary>Domain records to API shapes.</summary>
public static class CaseMappings
{
    /// <summary>
    /// The case with its children and its contacts' notes, which live in rows of their own beside
    /// the record (read with one range query, and only if the case has such notes).
    /// </summary>
    public static async Task<CaseResponse> AsResponseAsync(
        this CaseWorkflowState state, IReadOnlyList<InstanceSnapshot> partition, WorkflowClient records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(records);
        var texts = state.Contacts.Any(c => c.NoteKept)
            ? await records.GetTextsAsync(state.CaseId, cancellationToken)
            : null;
        return state.AsResponse(partition, texts);
    }

    /// <summary>
    /// The case with its children: a referral or handover instance, when read in the same partition,
    /// is its own freshest account. <paramref name="texts"/> are the texts kept beside the case
    /// (contact notes by contact id); without them a kept note shows as null.
    /// </summary>
    public static CaseResponse AsResponse(this CaseWorkflowState state, IReadOnlyList<InstanceSnapshot> partition, IReadOnlyDictionary<string, string>? texts = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(partition);
        var children = partition.Where(i => i.ParentId == state.CaseId).ToDictionary(i => i.InstanceId, StringComparer.Ordinal);
        return new CaseResponse(
            state.CaseId,
            state.Municipality,
            state.State.ToName(),
            state.Assignee,
            state.Client.AsResponse(),
            state.Needs.AsResponse(),
            [.. state.Goals.Select(g => new GoalResponse(g.Text, g.LifeDomain, g.TargetDate))],
            [.. state.Consents.Select(AsResponse)],
            [.. state.Referrals.Select(r => r.AsResponse(children.GetValueOrDefault(r.InstanceId)?.StateAs<ReferralWorkflowState>()))],
            [.. state.Handovers.Select(h => h.AsResponse(children.GetValueOrDefault(h.InstanceId)?.StateAs<HandoverWorkflowState>()))],
            [.. state.FollowUps.Select(AsResponse)],
            [.. state.Barriers.Select(AsResponse)],
            state.NextDue,
            state.Overdue,
            state.IntakeStatus,
            state.Urgency,
            [.. state.Contacts.Select(c => new ContactResponse(c.ContactId, c.At, c.Channel, c.Note ?? texts?.GetValueOrDefault(c.ContactId), c.RecordedBy))],
            [.. state.Alerts.Select(a => new AlertResponse(a.Kind, a.DueAt, a.RaisedAt, a.Reference, a.ResolvedAt))],
            state.OpenedAt,
            state.OpenedBy,
            state.Source.PartnerId,
            state.ClosureReason,
            state.DeleteAfter,
            state.LegalHold);
    }

    public static ClientResponse AsResponse(this Client client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new ClientResponse(
            client.GivenName,
            client.FamilyName,
            client.DateOfBirth,
            client.Languages ?? [],
            client.Phone,
            client.Email,
            client.ResidenceStatus,
            client.LegalDomains ?? [],
            client.ResidenceDocumentExpires,
            client.BenefitPeriodEnds);
    }

    public static NeedsResponse AsResponse(this Needs needs)
    {
        ArgumentNullException.ThrowIfNull(needs);
        return new NeedsResponse(needs.LifeDomains ?? [], needs.Text);
    }

    public static ConsentResponse AsResponse(this Consent consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return new ConsentResponse(
            consent.ConsentId,
            consent.Recipient,
            consent.Purpose,
            consent.Categories,
            consent.Form,
            consent.ValidFrom,
            consent.DocumentId,
            consent.WithdrawnAt,
            consent.RecordedAt,
            consent.RecordedBy);
    }

    public static ReferralResponse AsResponse(this ReferralSummary summary, ReferralWorkflowState? instance = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new ReferralResponse(
            summary.InstanceId,
            summary.PartnerId,
            summary.Service,
            instance?.State ?? summary.State,
            instance?.RespondBy ?? summary.RespondBy,
            summary.Purpose,
            summary.ConsentId,
            summary.CreatedAt,
            instance?.RespondedAt ?? summary.RespondedAt,
            instance?.Reason ?? summary.Reason,
            instance?.Successful ?? summary.Successful);
    }

    public static HandoverResponse AsResponse(this HandoverSummary summary, HandoverWorkflowState? instance = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        IReadOnlyList<HandoverStepStatus> steps = instance?.Steps ?? summary.Steps;
        return new HandoverResponse(
            summary.InstanceId,
            summary.From,
            summary.To,
            summary.TriggerDate,
            summary.Target,
            summary.HardDeadline,
            [.. steps.Select(s => new HandoverStepResponse(s.Step, s.DueAt, s.ConfirmedAt, s.IsHardDeadline, s.ConfirmedBy))],
            instance?.Status ?? summary.Status);
    }

    public static FollowUpResponse AsResponse(this FollowUp followUp)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return new FollowUpResponse(followUp.FollowUpId, followUp.DueAt, followUp.Note, followUp.DoneAt, followUp.CreatedBy, followUp.DoneBy);
    }

    public static BarrierResponse AsResponse(this Barrier barrier)
    {
        ArgumentNullException.ThrowIfNull(barrier);
        return new BarrierResponse(barrier.BarrierId, barrier.Category, barrier.Agency, barrier.Description, barrier.RecordedAt, barrier.RecordedBy);
    }

    public static DocumentResponse AsResponse(this CaseDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new DocumentResponse(
            document.DocumentId, document.FileName, document.ContentType, document.Length, document.Sha256, document.UploadedAt, document.UploadedBy, document.Source);
    }
}
