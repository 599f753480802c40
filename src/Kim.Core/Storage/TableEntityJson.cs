using System.Globalization;
using System.Text.Json;
using Azure;

namespace Kim.Core.Storage;

/// <summary>
/// Entities to and from the Tables JSON format. Types JSON cannot carry exactly are sent as strings
/// with a sibling <c>Name@odata.type</c> annotation (Edm.Int64, Edm.DateTime, Edm.Guid, Edm.Binary);
/// doubles are annotated too so that 2.0 comes back as a double, not an Int32.
/// https://learn.microsoft.com/rest/api/storageservices/payload-format-for-table-service-operations
/// </summary>
internal static class TableEntityJson
{
    private const string DateTimeFormat = "yyyy-MM-ddTHH:mm:ss.fffffffZ";

    public static byte[] Serialize(TableEntity entity, bool includeKeys = true)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, entity, includeKeys);
        }

        return buffer.ToArray();
    }

    public static void Write(Utf8JsonWriter json, TableEntity entity, bool includeKeys = true)
    {
        json.WriteStartObject();
        if (includeKeys)
        {
            json.WriteString("PartitionKey", entity.PartitionKey);
            json.WriteString("RowKey", entity.RowKey);
        }

        foreach (var (name, value) in entity)
        {
            switch (value)
            {
                case string s:
                    json.WriteString(name, s);
                    break;
                case int i:
                    json.WriteNumber(name, i);
                    break;
                case bool b:
                    json.WriteBoolean(name, b);
                    break;
                case long l:
                    json.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                    json.WriteString(name + "@odata.type", "Edm.Int64");
                    break;
                case double d:
                    if (double.IsFinite(d))
                    {
                        json.WriteNumber(name, d);
                    }
                    else
                    {
                        json.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                    }

                    json.WriteString(name + "@odata.type", "Edm.Double");
                    break;
                case DateTimeOffset t:
                    json.WriteString(name, t.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture));
                    json.WriteString(name + "@odata.type", "Edm.DateTime");
                    break;
                case Guid g:
                    json.WriteString(name, g.ToString("D"));
                    json.WriteString(name + "@odata.type", "Edm.Guid");
                    break;
                case byte[] bytes:
                    json.WriteString(name, Convert.ToBase64String(bytes));
                    json.WriteString(name + "@odata.type", "Edm.Binary");
                    break;
                default:
                    throw new InvalidOperationException($"Property '{name}' has an unsupported type {value.GetType().Name}.");
            }
        }

        json.WriteEndObject();
    }

    public static TableEntity Read(JsonElement element, ETag fallbackETag = default)
    {
        var entity = new TableEntity();
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            var type = element.TryGetProperty(name + "@odata.type", out var t) ? t.GetString() : null;
            switch (name)
            {
                case "PartitionKey":
                    entity.PartitionKey = property.Value.GetString() ?? "";
                    continue;
                case "RowKey":
                    entity.RowKey = property.Value.GetString() ?? "";
                    continue;
                case "Timestamp":
                    entity.Timestamp = ParseDate(property.Value.GetString()!);
                    continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            entity.Add(name, ReadValue(property.Value, type));
        }

        entity.ETag = element.TryGetProperty("odata.etag", out var etag) && etag.GetString() is { } e ? new ETag(e) : fallbackETag;
        return entity;
    }

    private static object ReadValue(JsonElement value, string? type) => type switch
    {
        "Edm.Int64" => value.ValueKind == JsonValueKind.String
            ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture)
            : value.GetInt64(),
        "Edm.Double" => value.ValueKind == JsonValueKind.String
            ? value.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                var s => double.Parse(s!, CultureInfo.InvariantCulture),
            }
            : value.GetDouble(),
        "Edm.DateTime" => ParseDate(value.GetString()!),
        "Edm.Guid" => Guid.Parse(value.GetString()!),
        "Edm.Binary" => Convert.FromBase64String(value.GetString()!),
        "Edm.Int32" => value.GetInt32(),
        "Edm.Boolean" => value.GetBoolean(),
        "Edm.String" => value.GetString()!,
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out var i) => i,
            JsonValueKind.Number => value.GetDouble(),
            _ => throw new FormatException($"Unexpected JSON {value.ValueKind} in a table entity."),
        },
    };

    private static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
