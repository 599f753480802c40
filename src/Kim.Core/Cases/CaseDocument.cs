namespace Kim.Core.Cases;

/// <summary>A document of a case (an intake attachment or a later upload): what the case lists.</summary>
/// <param name="Source"><c>intake</c> or <c>case</c>.</param>
public sealed record CaseDocument(
    string DocumentId,
    string CaseId,
    string FileName,
    string ContentType,
    long Length,
    string Sha256,
    DateTimeOffset UploadedAt,
    string UploadedBy,
    string Source);
