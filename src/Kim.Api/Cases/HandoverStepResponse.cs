using System.Text.Json.Serialization;
namespace Kim.Api.Cases;

public sealed record HandoverStepResponse(string Step, DateTimeOffset DueAt, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ConfirmedAt, bool IsHardDeadline, string? ConfirmedBy);
