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
            throw new InvalidPayloadException(e.Message);
        }
    }
}
