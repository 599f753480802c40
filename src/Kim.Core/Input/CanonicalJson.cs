using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kim.Core.Input;

/// <summary>
/// The one check every JSON body passes before anything binds it: well-formed (RFC 8259), I-JSON
/// (RFC 7493: no member name twice in an object, only valid Unicode), and written back with every
/// string and member name in NFC (<see cref="UnicodeText"/>). Member names are compared after NFC and
/// without regard to case, because Kim binds names without regard to case: <c>decision</c> and
/// <c>Decision</c> would be the same member, the last one winning. Pure and single-pass.
/// </summary>
public static class CanonicalJson
{
    /// <summary>How deep objects and arrays may nest; no request of Kim needs more than a few levels.</summary>
    public const int MaxDepth = 32;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The output is read back by Kim's own binder, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = MaxDepth + 1,
    };

    public static CanonicalJsonResult Canonicalise(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        var output = new ArrayBufferWriter<byte>(Math.Max(utf8.Length, 16));
        var frames = new List<Frame>();
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray)
                    && frames.Count > 0 && frames[^1].Names is null)
                {
                    frames[^1].Index++;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        writer.WriteStartObject();
                        frames.Add(new Frame(new HashSet<string>(StringComparer.OrdinalIgnoreCase)));
                        break;
                    case JsonTokenType.StartArray:
                        writer.WriteStartArray();
                        frames.Add(new Frame(null));
                        break;
                    case JsonTokenType.EndObject:
                        writer.WriteEndObject();
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.EndArray:
                        writer.WriteEndArray();
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        if (Text(ref reader) is not { } name)
                        {
                            return CanonicalJsonResult.Refused(JsonFault.InvalidUnicode, PathOf(frames));
                        }

                        frames[^1].Member = name;
                        if (!frames[^1].Names!.Add(name))
                        {
                            return CanonicalJsonResult.Refused(JsonFault.DuplicateMember, PathOf(frames));
                        }

                        writer.WritePropertyName(name);
                        break;
                    case JsonTokenType.String:
                        if (Text(ref reader) is not { } text)
                        {
                            return CanonicalJsonResult.Refused(JsonFault.InvalidUnicode, PathOf(frames));
                        }

                        writer.WriteStringValue(text);
                        break;
                    case JsonTokenType.Number:
                        writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                        break;
                    case JsonTokenType.True or JsonTokenType.False:
                        writer.WriteBooleanValue(reader.GetBoolean());
                        break;
                    default:
                        writer.WriteNullValue();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return CanonicalJsonResult.Refused(JsonFault.Malformed, PathOf(frames));
        }

        writer.Flush();
        return CanonicalJsonResult.Of(output.WrittenSpan.ToArray());
    }

    /// <summary>The string token in NFC; null when it is not valid Unicode.</summary>
    private static string? Text(ref Utf8JsonReader reader)
    {
        try
        {
            return UnicodeText.Nfc(reader.GetString()!);
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape (\ud800) or bytes that are not UTF-8.
            return null;
        }
    }

    /// <summary>The API path of the current member: dotted names, list items by index (<c>goals[0].text</c>).</summary>
    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder();
        foreach (var frame in frames)
        {
            if (frame.Names is null)
            {
                if (frame.Index >= 0)
                {
                    path.Append('[').Append(frame.Index).Append(']');
                }
            }
            else if (frame.Member is not null)
            {
                path.Append(path.Length == 0 ? string.Empty : ".").Append(frame.Member);
            }
        }

        return path.Length == 0 ? "$" : path.ToString();
    }

    /// <summary>An open object (with the names seen so far and the current member) or array (with the current index).</summary>
    private sealed class Frame(HashSet<string>? names)
    {
        public HashSet<string>? Names { get; } = names;

        public string? Member { get; set; }

        public int Index { get; set; } = -1;
    }
}
