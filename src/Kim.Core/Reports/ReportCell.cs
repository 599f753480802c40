using System.Text.Json.Serialization;

namespace Kim.Core.Reports;

/// <summary>
/// One published value of a report (docs/reports.md): a figure's cell, row total (<paramref name="Detail"/>
/// null), column total (<paramref name="Category"/> null) or total (both null).
/// </summary>
/// <param name="Figure">The figure, e.g. <c>age-band</c>.</param>
/// <param name="Category">The row label, e.g. <c>18-26</c>.</param>
/// <param name="Detail">The column label of a two-way figure, e.g. a referral's outcome.</param>
/// <param name="Value">Cases (days for <c>days-without-benefits</c>); null when suppressed. Nulls are written, never left out.</param>
public sealed record ReportCell(
    string Figure,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Category,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Value);
