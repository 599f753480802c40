namespace Kim.Functions.Cases;

/// <summary>A row of <c>GET /api/cases</c>, from the case list projection (no client data).</summary>
public sealed record CaseListItem(string CaseId, string State, string? Assignee, DateTimeOffset? NextDue, bool Overdue, DateTimeOffset UpdatedAt);
