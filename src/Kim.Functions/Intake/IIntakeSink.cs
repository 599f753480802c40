namespace Kim.Functions.Intake;

/// <summary>
/// Where valid intakes go: the workflow start, in the end. It owns idempotency, because only it
/// knows atomically whether a key was used: same partner and key with the same fingerprint is a
/// repeat (the first reference, nothing created); with another fingerprint the key is reused.
/// </summary>
public interface IIntakeSink
{
    Task<IntakeSinkResult> SubmitAsync(IntakeSubmission submission, CancellationToken cancellationToken);
}
