namespace Kim.Api.Administration;

/// <summary>The body of <c>POST /api/admin/cases/{caseId}/legal-hold</c> (and, optionally, of its DELETE).</summary>
/// <param name="Reason">Why the case must be kept (a court case, an authority's request): required to set a hold, at most 4000 characters.</param>
public sealed record LegalHoldRequest(string? Reason);
