using Kim.Api.Access;

namespace Kim.Api.Intake;

/// <summary>A valid intake, ready to start the workflow.</summary>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> header, when the partner sent one; unique per partner.</param>
/// <param name="PartnerReference">The partner's own reference of the intake (normalised); one case per partner and reference.</param>
/// <param name="Fingerprint">The <see cref="IntakeFingerprint"/> of the content, to tell a repeat from a reused key or reference.</param>
/// <param name="Documents">Valid only during <see cref="IIntakeSink.SubmitAsync"/>: copy them before returning.</param>
public sealed record IntakeSubmission(
    Partner Partner,
    string? IdempotencyKey,
    string PartnerReference,
    string Fingerprint,
    IntakeRequest Intake,
    IReadOnlyList<IntakeFile> Documents);
