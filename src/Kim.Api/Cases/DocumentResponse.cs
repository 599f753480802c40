namespace Kim.Api.Cases;

public sealed record DocumentResponse(
    string DocumentId,
    string FileName,
    string ContentType,
    long Length,
    string Sha256,
    DateTimeOffset UploadedAt,
    string UploadedBy,
    string Source);
