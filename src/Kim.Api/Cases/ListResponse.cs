using System.Text.Json.Serialization;
namespace Kim.Api.Cases;

/// <summary>A page of a list (API.md, "Answers"); <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ContinuationToken);
