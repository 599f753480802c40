namespace Kim.Api.Cases;

/// <summary>201 of <c>POST …/documents</c>: the first new document's id, and every document stored.</summary>
public sealed record DocumentsCreatedResponse(string Id, IReadOnlyList<DocumentResponse> Documents);
