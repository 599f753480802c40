using System.Text.Json.Serialization;
namespace Kim.Api.Cases;

public sealed record FollowUpResponse(string FollowUpId, DateTimeOffset DueAt, string Note, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? DoneAt, string CreatedBy, string? DoneBy);
