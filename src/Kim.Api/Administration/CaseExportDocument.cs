using Kim.Api.Cases;

namespace Kim.Api.Administration;

/// <summary>A document of an export: its listing and the path of its bytes in the zip (<c>documents/{documentId}/{fileName}</c>).</summary>
public sealed record CaseExportDocument(DocumentResponse Document, string Path);
