using System.Globalization;
using System.Text.Json;

namespace Kim.Api.Triggers;

/// <summary>
/// What the Azure Functions host posts to a custom handler for a non-HTTP trigger:
/// <c>{"Data": {binding: value}, "Metadata": {…}}</c>.
/// https://learn.microsoft.com/azure/azure-functions/functions-custom-handlers#request-payload
/// </summary>
public sealed record FunctionsInvocation(JsonElement Data, JsonElement Metadata)
{

    /// <summary>The value of one input binding as text (a JSON value that is not a string is passed as raw JSON).</summary>
    public string? DataText(string binding) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(binding, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    /// <summary>A whole-number metadata value, which the host may send as a number or a string.</summary>
    public int? MetadataInt(string name)
    {
        if (Metadata.ValueKind != JsonValueKind.Object || !Metadata.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }
}
