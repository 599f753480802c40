using System.Globalization;
using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Api.Workflows;
using Kim.Core.Reports;
using Microsoft.Net.Http.Headers;

namespace Kim.Api.Reports;

/// <summary>
/// The coordinators' anonymous figures (API.md, "Administration and reporting"; docs/reports.md):
/// <c>GET /api/reports/cases</c> and <c>GET /api/reports/barriers</c> of the caller's district or one
/// of its municipalities, for whole months, as JSON or (<c>Accept: text/csv</c>) CSV.
/// </summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapKimReports(this IEndpointRouteBuilder endpoints)
    {
        var reports = endpoints.MapKimStaffGroup("/api/reports", KimPolicies.Coordinator).WithTags("Reports");
        reports.MapGet("/cases", (HttpContext context, CaseStatisticsStore store, IAccessDirectory directory, TimeProvider time, TimingConfiguration timing,
                string? municipality, string? from, string? to, CancellationToken cancellationToken) =>
                AnswerAsync(context, store, directory, time, timing, municipality, from, to,
                    (rows, municipalities, wanted, first, last) => StatisticsReports.Cases(rows, municipalities, wanted, first, last, CaseStatisticsProjection.PartnerTypes), cancellationToken))
            .WithName("CaseReport")
            .WithSummary("Anonymous case figures of the district or one municipality (filters municipality, from, to: days, Europe/Berlin, whole months counted); values below 5 cases and their secondary partners are null; Accept: text/csv for CSV")
            .Produces<ReportResponse>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        reports.MapGet("/barriers", (HttpContext context, CaseStatisticsStore store, IAccessDirectory directory, TimeProvider time, TimingConfiguration timing,
                string? municipality, string? from, string? to, CancellationToken cancellationToken) =>
                AnswerAsync(context, store, directory, time, timing, municipality, from, to, StatisticsReports.Barriers, cancellationToken))
            .WithName("BarrierReport")
            .WithSummary("Anonymous figures of integration barriers by category and agency (filters municipality, from, to as for the case report); rare agencies pooled; Accept: text/csv for CSV")
            .Produces<ReportResponse>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    private static async Task<IResult> AnswerAsync(
        HttpContext context,
        CaseStatisticsStore store,
        IAccessDirectory directory,
        TimeProvider time,
        TimingConfiguration timing,
        string? municipality,
        string? from,
        string? to,
        Func<IReadOnlyList<CaseStatisticsRow>, IReadOnlyList<string>, string?, DateOnly, DateOnly, IReadOnlyList<ReportCell>> build,
        CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var today = timing.Calendar.LocalDate(time.GetUtcNow());
        var last = Day(errors, "to", to) ?? today;
        var first = Day(errors, "from", from) ?? new DateOnly(last.Year, 1, 1);
        if (errors.Count == 0 && first > last)
        {
            errors["from"] = ["is after to"];
        }

        if (errors.Count > 0)
        {
            return KimProblems.Validation(errors).ToResult();
        }

        // A municipality of another district is answered exactly like one that does not exist.
        var municipalities = (await directory.ListMunicipalitiesAsync(staff.District, cancellationToken)).Select(m => m.Id).ToList();
        if (municipality is not null && !municipalities.Contains(municipality, StringComparer.Ordinal))
        {
            return KimProblems.NotFound("There is no municipality with this id in your district.").ToResult();
        }

        // The whole district is read even for one municipality: its figures are suppressed together with the others'.
        var rows = await store.ReadAsync(staff.District, cancellationToken);
        var firstDay = CaseStatistics.Month(first);
        var lastDay = CaseStatistics.Month(last).AddMonths(1).AddDays(-1);
        var report = new ReportResponse(staff.District, municipality, firstDay, lastDay, build(rows, municipalities, municipality, firstDay, lastDay));
        if (WantsCsv(context.Request))
        {
            return Results.Stream(
                stream => ReportCsv.WriteAsync(stream, report, cancellationToken),
                ReportCsv.ContentType,
                fileDownloadName: $"kim-{context.Request.Path.Value?.Split('/')[^1]}-{firstDay:yyyy-MM}-{lastDay:yyyy-MM}.csv");
        }

        return TypedResults.Ok(report);
    }

    private static bool WantsCsv(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);

    private static DateOnly? Day(Dictionary<string, string[]> errors, string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2999)
        {
            return day;
        }

        errors[field] = ["must be a day between 2000-01-01 and 2999-12-31 (2026-11-30)"];
        return null;
    }
}
