using System.Text.Json;
using System.Text.Json.Nodes;
using Kim.Api.Http;
using Kim.Core;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Api.Administration;

/// <summary>
/// Reads the bodies of the administration routes. A POST body is read as a merge patch (RFC 7396)
/// onto nothing and a PATCH body onto the record as it is, so that both are checked by the same
/// rules afterwards. Unknown fields and fields of the wrong JSON type are 422 naming the field.
/// </summary>
internal static class AdminRequests
{
    /// <summary>The request with <paramref name="patch"/> applied to <paramref name="current"/>, or a 422.</summary>
    public static (T? Request, ProblemDetails? Problem) Apply<T>(T? current, JsonElement patch, params string[] fixedFields)
        where T : class
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            return (null, KimProblems.Validation("body", "must be a JSON object of the fields to set"));
        }

        var known = typeof(T).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet(StringComparer.Ordinal);
        var node = current is null ? [] : JsonSerializer.SerializeToNode(current, KimJson.Options)!.AsObject();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var property in patch.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                errors[property.Name] = ["is not a field of this record"];
            }
            else if (current is not null && fixedFields.Contains(property.Name))
            {
                if (!JsonNode.DeepEquals(node[property.Name], JsonNode.Parse(property.Value.GetRawText())))
                {
                    errors[property.Name] = ["cannot be changed"];
                }
            }
            else if (property.Value.ValueKind == JsonValueKind.Null)
            {
                node.Remove(property.Name);
            }
            else
            {
                node[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        if (errors.Count > 0)
        {
            return (null, KimProblems.Validation(errors));
        }

        try
        {
            return (node.Deserialize<T>(KimJson.Options), null);
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
            return (null, KimProblems.Validation(field, "has the wrong JSON type"));
        }
    }
}
