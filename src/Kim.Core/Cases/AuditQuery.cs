namespace Kim.Core.Cases;

/// <summary>What to list of a district's audit trail.</summary>
/// <param name="CaseId">One case's chain (the caller has checked that the case is the district's); null: the whole district by day.</param>
/// <param name="From">Earliest instant, inclusive.</param>
/// <param name="To">Latest instant, inclusive.</param>
/// <param name="PageSize">1 to 1000.</param>
public sealed record AuditQuery(
    string District, string? CaseId, string? Actor, DateTimeOffset From, DateTimeOffset To, string? ContinuationToken, int PageSize);
