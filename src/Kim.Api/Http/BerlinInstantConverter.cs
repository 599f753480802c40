using System.Text.Json;
using System.Text.Json.Serialization;
using Kim.Core.Workflows;

namespace Kim.Api.Http;

/// <summary>
/// Writes every instant of every answer in Europe/Berlin time with its offset
/// (<c>2026-12-01T09:00:00+01:00</c>, API.md "Shapes"), whatever offset it was stored or computed
/// with; the one place, so that no DTO can differ. Reads any ISO 8601 instant with an offset.
/// </summary>
internal sealed class BerlinInstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(TimeZoneInfo.ConvertTime(value, WorkingCalendar.Berlin));
    }
}
