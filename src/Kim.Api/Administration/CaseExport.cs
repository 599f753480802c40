using Kim.Api.Cases;

namespace Kim.Api.Administration;

/// <summary>
/// <c>case.json</c> of an Art. 15 export: the case as <c>GET /api/cases/{caseId}</c> shows it, its
/// timeline as <c>GET …/timeline</c> shows it, the documents' listing (their bytes are files of the
/// zip beside it, under <see cref="DocumentResponse.DocumentId"/>), and who exported it when.
/// </summary>
public sealed record CaseExport(
    CaseResponse Case,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<CaseExportDocument> Documents,
    DateTimeOffset ExportedAt,
    string ExportedBy);
