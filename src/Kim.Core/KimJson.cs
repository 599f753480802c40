using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kim.Core;

/// <summary>
/// The one JSON shape of Kim: camelCase, enums as strings, as the API contract says. A member sent
/// twice is an error (I-JSON, RFC 7493), never "the last one wins"; request bodies are checked
/// before by <see cref="Input.CanonicalJson"/>, this guards every other read.
/// </summary>
public static class KimJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    /// <summary>An enum value's JSON name (kebab-case), for statuses and messages.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => ToElement(value).GetString() ?? value.ToString();

    public static T FromElement<T>(JsonElement element) =>
        element.Deserialize<T>(Options) ?? throw new JsonException($"null is not a {typeof(T).Name}");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowDuplicateProperties = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
