using System.Text.Json.Serialization;
namespace Kim.Api.Cases;

/// <summary>A row of <c>GET /api/cases</c>, from the case list projection (no client data).</summary>
public sealed record CaseListItem(string CaseId, string State, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Assignee, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? NextDue, bool Overdue, DateTimeOffset UpdatedAt);
