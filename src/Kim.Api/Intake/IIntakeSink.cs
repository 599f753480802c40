using Kim.Api.Access;

namespace Kim.Api.Intake;

/// <summary>
/// Where valid intakes go: the workflow start, in the end. It owns idempotency, because only it
/// knows atomically whether a key or reference was used. Two checks, the key first:
/// <list type="number">
/// <item>an <c>Idempotency-Key</c> seen before with another fingerprint → <see cref="IntakeSinkOutcome.KeyReused"/>;</item>
/// <item>the partner reference decides the case, whatever the key (a new one, or none): seen before
/// with the same fingerprint → <see cref="IntakeSinkOutcome.Repeated"/> with the first reference,
/// with another → <see cref="IntakeSinkOutcome.ReferenceReused"/>.</item>
/// </list>
/// A refused intake leaves nothing behind that would change a later answer.
/// </summary>
public interface IIntakeSink
{
    Task<IntakeSinkResult> SubmitAsync(IntakeSubmission submission, CancellationToken cancellationToken);

    /// <summary>The status of an intake <paramref name="partner"/> sent; null for another partner's or an unknown reference.</summary>
    Task<IntakeStatusReport?> FindAsync(Partner partner, string reference, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes what the sink keeps of the intake that became case <paramref name="caseId"/>: the row of
    /// <paramref name="partnerReference"/> and the idempotency keys that name it (retention and
    /// Art. 17 deletion). The partner may then send the same reference again as a new intake.
    /// Deleting again finds nothing.
    /// </summary>
    /// <param name="partnerId">The partner that sent the intake (<c>CaseSource.PartnerId</c>).</param>
    /// <param name="partnerReference">Its reference at the partner (<c>CaseSource.PartnerReference</c>).</param>
    /// <param name="caseId">The case it became.</param>
    /// <param name="cancellationToken">Stops the deletion.</param>
    Task ForgetCaseAsync(string partnerId, string partnerReference, string caseId, CancellationToken cancellationToken);
}
