using System.Globalization;
using System.Text;

namespace Kim.Core.Storage;

/// <summary>
/// Builds OData <c>$filter</c> strings in which a value can never change the filter's meaning:
/// every interpolated value becomes a typed literal (strings quoted with quotes doubled, and so on).
/// Raw input is never concatenated.
/// https://learn.microsoft.com/rest/api/storageservices/querying-tables-and-entities#constructing-filter-strings
/// </summary>
public static class TableFilter
{
    /// <summary>
    /// <c>TableFilter.Create($"PartitionKey eq {pk} and Count gt {n}")</c> →
    /// <c>PartitionKey eq 'a''b' and Count gt 5</c>.
    /// </summary>
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, args);
    }

    /// <summary>The OData literal of one value.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int or short or byte or sbyte or ushort => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        uint u => ((long)u).ToString(CultureInfo.InvariantCulture) + "L",
        double d => DoubleLiteral(d),
        float f => DoubleLiteral(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset d => $"datetime'{d.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture)}'",
        DateTime d => Literal(new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d)),
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
        BinaryData data => $"X'{Convert.ToHexStringLower(data.ToArray())}'",
        _ => throw new ArgumentException(
            $"A value of type {value.GetType().Name} cannot be put in a table filter; convert it to a supported type first.",
            nameof(value)),
    };

    private static string Quote(string s)
    {
        var b = new StringBuilder(s.Length + 2);
        b.Append('\'').Append(s.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
        return b.ToString();
    }

    private static string DoubleLiteral(double d)
    {
        if (!double.IsFinite(d))
        {
            throw new ArgumentException("A table filter cannot compare with NaN or infinity.", nameof(d));
        }

        // "R" round-trips; a ".0" keeps an integral value typed as a double.
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
