using CsvHelper;

namespace Kim.Api.Reports;

/// <summary>
/// A report as CSV (docs/reports.md, "CSV"): UTF-8 with a byte order mark, so that spreadsheets
/// open German umlauts intact; <c>;</c> between fields, because German spreadsheets use the comma
/// as decimal separator and split on <c>;</c> when they open a file; CRLF line ends and quoting as
/// RFC 4180 says. One record per cell: <c>district;municipality;from;to;figure;category;detail;value</c>,
/// a suppressed value empty. Text that a spreadsheet would run as a formula (starting with
/// <c>= + - @</c>, tab or CR) is escaped with a leading <c>'</c> by CsvHelper's injection protection
/// (<see cref="CsvInjection.Escape"/>, OWASP's advice), so it shows as text.
/// </summary>
public static class ReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The writer options: <c>;</c>, BOM, formula escaping.</summary>
    public static CsvWriterOptions Options { get; } = new()
    {
        Separator = ';',
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static async Task WriteAsync(Stream destination, ReportResponse report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        csv.WriteHeader(["district", "municipality", "from", "to", "figure", "category", "detail", "value"]);
        var from = report.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = report.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var cell in report.Figures)
        {
            await csv.WriteRecordAsync(
                [report.District, report.Municipality, from, to, cell.Figure, cell.Category, cell.Detail,
                 cell.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
