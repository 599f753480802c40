using System.Text.Json;
using System.Text.Json.Nodes;
using Kim.Core;

namespace Kim.Api.Intake;

/// <summary>
/// Binds intake JSON to <see cref="IntakeRequest"/>. A value of the wrong type (a number for a
/// name, "12.4.1990" for a date) is a validation error of that field, not a malformed request.
/// </summary>
public static class IntakeJsonBinding
{
    public static IntakeRequest? Bind(JsonNode? node, IntakeErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (node is not JsonObject)
        {
            errors.Add("$", "the body must be a JSON object");
            return null;
        }

        try
        {
            return node.Deserialize<IntakeRequest>(KimJson.Options);
        }
        catch (JsonException exception)
        {
            var field = FieldOf(exception.Path);
            errors.Add(field, IntakeFields.Kinds.TryGetValue(field, out var kind) ? IntakeFields.Expectation(kind) : "has the wrong type");
            return null;
        }
    }

    /// <summary><c>$.client.languages[0]</c> → <c>client.languages</c>, in the canonical spelling of the field.</summary>
    internal static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "$";
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            field = field[..bracket];
        }

        return IntakeFields.Kinds.Keys.FirstOrDefault(k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase)) ?? field;
    }
}
