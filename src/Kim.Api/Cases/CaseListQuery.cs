namespace Kim.Api.Cases;

/// <summary>The filters of <c>GET /api/cases</c>; <see cref="After"/> is the continuation token (the last case id of the previous page).</summary>
public sealed record CaseListQuery(string Municipality, string? State, string? Assignee, bool? Overdue, string? After, int PageSize);
