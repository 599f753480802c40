using System.Text.Json;
using System.Text.Json.Nodes;
using Kim.Core.Workflows.Payloads;

namespace Kim.Core.Workflows;

/// <summary>
/// A one-level JSON merge patch (RFC 9396's predecessor, RFC 7396): a property in the patch replaces
/// the target's, <c>null</c> removes it. The PATCH routes of the API send exactly this.
/// </summary>
internal static class JsonMergePatch
{
    /// <summary>The property names a patch touches; a non-object or an unknown name is an invalid payload.</summary>
    public static IReadOnlyList<string> Names(JsonElement? patch, IReadOnlySet<string> known)
    {
        if (patch is not { ValueKind: JsonValueKind.Object } json)
        {
            throw new InvalidPayloadException("the payload must be an object of the fields to change");
        }

        var names = json.EnumerateObject().Select(p => p.Name).ToList();
        var unknown = names.Where(n => !known.Contains(n)).ToList();
        return unknown.Count == 0
            ? names
            : throw new InvalidPayloadException($"unknown field(s): {string.Join(", ", unknown)}");
    }

    public static T Apply<T>(T target, JsonElement patch)
    {
        var node = JsonNode.Parse(KimJson.ToElement(target).GetRawText())?.AsObject() ?? [];
        foreach (var property in patch.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                node.Remove(property.Name);
            }
            else
            {
                node[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        return Payload.Read<T>(JsonSerializer.SerializeToElement(node));
    }
}
