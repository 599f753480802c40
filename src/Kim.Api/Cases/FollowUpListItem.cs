namespace Kim.Api.Cases;

/// <summary>A row of <c>GET /api/followups</c>: an open follow-up of a case assigned to the caller.</summary>
public sealed record FollowUpListItem(string CaseId, string FollowUpId, DateTimeOffset DueAt, string Note);
