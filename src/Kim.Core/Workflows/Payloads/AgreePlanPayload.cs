using System.Text.Json;
using Kim.Core.Cases;

namespace Kim.Core.Workflows.Payloads;

/// <summary>
/// <c>agree-plan</c>: <c>{ "goals": [ { "text", "lifeDomain"?, "targetDate"? } ] }</c>; a goal may
/// also be given as a plain string. At least one goal.
/// </summary>
public sealed record AgreePlanPayload(IReadOnlyList<Goal> Goals)
{
    public static AgreePlanPayload Read(JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } json
            || !json.TryGetProperty("goals", out var goals)
            || goals.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidPayloadException("goals: a list of at least one goal is required");
        }

        var list = new List<Goal>();
        foreach (var goal in goals.EnumerateArray())
        {
            list.Add(goal.ValueKind == JsonValueKind.String
                ? new Goal(goal.GetString() ?? string.Empty)
                : Payload.Read<Goal>(goal));
        }

        if (list.Count == 0 || list.Count > FieldLimits.ListItems
            || list.Any(g => string.IsNullOrWhiteSpace(g.Text) || g.Text.Length > FieldLimits.TextLength))
        {
            throw new InvalidPayloadException($"goals: 1 to {FieldLimits.ListItems} goals, each with a text of at most {FieldLimits.TextLength} characters");
        }

        return new AgreePlanPayload(list);
    }
}
