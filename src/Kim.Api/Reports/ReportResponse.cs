using System.Text.Json.Serialization;
using Kim.Core.Reports;

namespace Kim.Api.Reports;

/// <summary>
/// A report as JSON: the area (<paramref name="Municipality"/> null for the whole district), the
/// whole months it covers, and its cells (a suppressed value is <c>null</c>).
/// </summary>
/// <param name="From">First day of the first month counted (Europe/Berlin).</param>
/// <param name="To">Last day of the last month counted (Europe/Berlin).</param>
public sealed record ReportResponse(
    string District,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Municipality,
    DateOnly From, DateOnly To, IReadOnlyList<ReportCell> Figures);
