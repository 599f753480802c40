namespace Kim.Api.Intake;

/// <summary>An intake as <see cref="InMemoryIntakeSink"/> keeps it: the files by description only.</summary>
public sealed record StoredIntake(
    string Reference, string PartnerId, string Fingerprint, IntakeRequest Intake, IReadOnlyList<IntakeDocumentPrint> Documents, DateTimeOffset ReceivedAt);
