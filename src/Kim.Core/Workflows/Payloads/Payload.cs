using System.Text.Json;

namespace Kim.Core.Workflows.Payloads;

/// <summary>Reads event payloads and inputs with <see cref="KimJson.Options"/>; a bad one becomes <see cref="InvalidPayloadException"/>.</summary>
public static class Payload
{
    public static T Read<T>(JsonElement? payload)
    {
        var json = payload is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } p
            ? p
            : JsonSerializer.SerializeToElement(new { });
        try
        {
            return KimJson.FromElement<T>(json);
        }
        catch (JsonException e)
        {
            // The serializer's message names .NET types; a person gets the field and the rule.
            throw new InvalidPayloadException(Describe(e));
        }
    }

    private static string Describe(JsonException e)
    {
        var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        return field is null ? "the payload is not valid JSON of the expected shape" : $"{field} is not a valid value";
    }
}
