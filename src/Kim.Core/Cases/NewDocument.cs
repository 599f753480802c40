namespace Kim.Core.Cases;

/// <summary>A document to store; its content type was detected from its bytes by the caller.</summary>
public sealed record NewDocument(string FileName, string ContentType, Stream Content, string UploadedBy, string Source);
