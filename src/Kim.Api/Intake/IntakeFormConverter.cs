using System.Globalization;
using System.Text.Json.Nodes;
using Kim.Core.Input;
using Microsoft.Extensions.Primitives;

namespace Kim.Api.Intake;

/// <summary>
/// Turns form fields with dotted names (<c>client.givenName</c>, repeated <c>client.languages</c>)
/// into the JSON of the same intake, so that forms and JSON share one binding and one fingerprint.
/// Fields that are not intake fields are ignored, as unknown JSON properties are. Values come out in
/// NFC, as JSON bodies do (<see cref="UnicodeText"/>).
/// </summary>
public static class IntakeFormConverter
{
    private static readonly Dictionary<string, string> CanonicalNames =
        IntakeFields.Kinds.Keys.ToDictionary(k => k, k => k, StringComparer.OrdinalIgnoreCase);

    public static JsonObject ToJson(IReadOnlyDictionary<string, StringValues> fields, IntakeErrors errors)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(errors);
        var root = new JsonObject();
        foreach (var (key, values) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (string.Equals(key, IntakeFields.Documents, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(IntakeFields.Documents, "must be files, sent as multipart/form-data parts with a file name");
                continue;
            }

            if (!CanonicalNames.TryGetValue(key, out var name))
            {
                continue;
            }

            var kind = IntakeFields.Kinds[name];
            if (kind == IntakeFieldKind.Object)
            {
                errors.Add(name, $"must be sent as separate fields, e.g. {name}.…");
                continue;
            }

            var value = Leaf(name, kind, values, errors);
            if (value is not null)
            {
                Parent(root, name)[name[(name.LastIndexOf('.') + 1)..]] = value;
            }
        }

        return root;
    }

    private static JsonNode? Leaf(string name, IntakeFieldKind kind, StringValues values, IntakeErrors errors)
    {
        if (kind == IntakeFieldKind.List)
        {
            return new JsonArray([.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => (JsonNode?)JsonValue.Create(UnicodeText.Nfc(v!)))]);
        }

        if (values.Count > 1)
        {
            errors.Add(name, "must be sent once");
            return null;
        }

        var text = values.ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            // An empty input of an HTML form means "not given", as a missing JSON property does.
            return null;
        }

        switch (kind)
        {
            case IntakeFieldKind.Boolean:
                // "on" is what an HTML checkbox sends when ticked.
                if (text.Trim().ToUpperInvariant() is "TRUE" or "ON")
                {
                    return JsonValue.Create(true);
                }

                if (text.Trim().ToUpperInvariant() is "FALSE" or "OFF")
                {
                    return JsonValue.Create(false);
                }

                errors.Add(name, IntakeFields.Expectation(kind));
                return null;
            case IntakeFieldKind.Date:
                if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    errors.Add(name, IntakeFields.Expectation(kind));
                    return null;
                }

                return JsonValue.Create(text.Trim());
            default:
                return JsonValue.Create(UnicodeText.Nfc(text));
        }
    }

    private static JsonObject Parent(JsonObject root, string name)
    {
        var parent = root;
        foreach (var segment in name.Split('.')[..^1])
        {
            if (parent[segment] is not JsonObject child)
            {
                child = [];
                parent[segment] = child;
            }

            parent = child;
        }

        return parent;
    }
}
