using Kim.Functions.Access;

namespace Kim.Functions.Intake;

/// <summary>
/// Where valid intakes go: the workflow start, in the end. It owns idempotency, because only it
/// knows atomically whether a key was used: same partner and key with the same fingerprint is a
/// repeat (the first reference, nothing created); with another fingerprint the key is reused.
/// </summary>
public interface IIntakeSink
{
    Task<IntakeSinkResult> SubmitAsync(IntakeSubmission submission, CancellationToken cancellationToken);

    /// <summary>The status of an intake <paramref name="partner"/> sent; null for another partner's or an unknown reference.</summary>
    Task<IntakeStatusReport?> FindAsync(Partner partner, string reference, CancellationToken cancellationToken);
}
