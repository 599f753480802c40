namespace Kim.Core.Cases;

/// <summary>
/// Documents of cases. Reads stream through Kim (never a link to storage), so that every read can
/// be audited; deletion of a case removes all of its documents.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Stores the content, then lists it on the case: a failure in between leaves nothing listed.</summary>
    Task<CaseDocument> AddAsync(string caseId, NewDocument document, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseDocument>> ListAsync(string caseId, CancellationToken cancellationToken);

    Task<CaseDocument?> GetAsync(string caseId, string documentId, CancellationToken cancellationToken);

    /// <summary>The document and its content, which the caller disposes; null when the document is not listed on the case.</summary>
    Task<OpenedDocument?> OpenReadAsync(string caseId, string documentId, CancellationToken cancellationToken);

    /// <summary>Removes every document of the case (retention, deletion); returns how many were listed.</summary>
    Task<int> DeleteAllAsync(string caseId, CancellationToken cancellationToken);
}
