using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Api.Reports;
using Kim.Api.Tests.Cases;
using Kim.Core;
using Kim.Core.Records;
using Kim.Core.Storage;
using Kim.Core.Workflows;
using Kim.Core.Workflows.Payloads;
using Kim.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Api.Tests.Reports;

/// <summary>The coordinators' reports through real HTTP on Azurite: figures, CSV, suppression, deletion.</summary>
public sealed class ReportsApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Timeout = 120_000;
    private const string November = "from=2026-11-01&to=2026-11-30";
    private const string Agency = "=Ausländerbehörde Lüdenscheid";

    [Fact(Timeout = Timeout)]
    public async Task Six_cases_are_counted_small_cells_are_null_the_CSV_opens_safely_and_deleting_the_cases_changes_nothing()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        using var coordinator = app.Staff("coord-mk");
        var caseIds = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var caseId = await CaseKit.AcceptedAsync(staff);
            await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync(
                $"/api/cases/{caseId}/barriers", new { category = "waiting-time", agency = Agency, description = "Termin erst in 4 Monaten" }));
            caseIds.Add(caseId);
        }

        // One case closes: a closed count of 1 is suppressed, and so is its partner in the closure reasons.
        await CaseKit.OkAsync(await staff.PostAsJsonAsync($"/api/cases/{caseIds[0]}/transitions/close", new { reason = "moved-away" }));

        var report = await CaseKit.OkAsync(await coordinator.GetAsync($"/api/reports/cases?municipality=luedenscheid&{November}"));
        var barriers = await CaseKit.OkAsync(await coordinator.GetAsync($"/api/reports/barriers?municipality=luedenscheid&{November}"));
        var district = await CaseKit.OkAsync(await coordinator.GetAsync($"/api/reports/cases?{November}"));
        var iserlohn = await CaseKit.OkAsync(await coordinator.GetAsync($"/api/reports/cases?municipality=iserlohn&{November}"));

        Assert.Equal(("mk", "luedenscheid", "2026-11-01", "2026-11-30"), (
            report.GetProperty("district").GetString(), report.GetProperty("municipality").GetString(),
            report.GetProperty("from").GetString(), report.GetProperty("to").GetString()));
        Assert.Equal(6, Value(report, "cases", "new"));
        Assert.Equal(6, Value(report, "cases", "active"));
        Assert.Null(Value(report, "cases", "closed"));
        Assert.Equal(6, Value(report, "age-band", "27-44"));
        Assert.Equal(6, Value(report, "residence-status", "recognised-refugee"));
        Assert.Equal(6, Value(report, "legal-domain", "AsylbLG"));
        Assert.Equal(6, Value(report, "referral-source", "case-manager"));
        Assert.Null(Value(report, "referral-source", "job-centre"));
        Assert.Null(Value(report, "closure-reason", "moved-away"));
        Assert.Null(Value(report, "closure-reason", null));
        Assert.Equal(6, Value(district, "cases", "new"));
        Assert.Null(Value(iserlohn, "cases", "new"));
        Assert.Equal(6, Value(barriers, "barriers", "waiting-time"));
        Assert.Contains(barriers.GetProperty("figures").EnumerateArray(), c => c.GetProperty("detail").GetString() == Agency);

        using var csvResponse = await coordinator.SendAsync(Csv($"/api/reports/barriers?municipality=luedenscheid&{November}"));
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = new UTF8Encoding(false).GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("district;municipality;from;to;figure;category;detail;value", lines[0]);
        Assert.Contains(lines, l => l == "mk;luedenscheid;2026-11-01;2026-11-30;barriers;waiting-time;;6");
        Assert.Contains(lines, l => l.Contains("\"'=Ausländerbehörde Lüdenscheid\"", StringComparison.Ordinal));
        Assert.All(lines.SelectMany(Fields), f => Assert.DoesNotMatch("^[=+\\-@\t\r]", f));
        using var casesCsv = await coordinator.SendAsync(Csv($"/api/reports/cases?municipality=luedenscheid&{November}"));
        var caseLines = (await casesCsv.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Contains("mk;luedenscheid;2026-11-01;2026-11-30;cases;closed;;", caseLines);

        // Close the rest, read the reports, delete every case as retention does, read them again.
        foreach (var caseId in caseIds.Skip(1))
        {
            await CaseKit.OkAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/transitions/close", new { reason = "goals-met" }));
        }

        var before = await ReadAllAsync(coordinator);
        var purge = app.Services.GetServices<IActionHandler>().Single(h => h.Name == ActionNames.PurgeCase);
        foreach (var caseId in caseIds)
        {
            await purge.ExecuteAsync(
                new ActionRequest(caseId, CaseWorkflow.WorkflowName, $"purge:{caseId}", $"{caseId}|purge:{caseId}",
                    KimJson.ToElement(new CaseReference(caseId, "luedenscheid")), 1),
                CancellationToken.None);
        }

        var after = await ReadAllAsync(coordinator);
        var tables = app.Services.GetRequiredService<TableServiceClient>();
        var statistics = await ScanAsync(tables.GetTableClient(StorageNames.CaseStatisticsTable));
        var mappings = await ScanAsync(tables.GetTableClient(StorageNames.CaseStatisticsKeysTable));

        Assert.Equal(5, Value(JsonDocument.Parse(before[0]).RootElement, "closure-reason", "goals-met"));
        Assert.Equal(before, after);
        Assert.Equal(6, statistics.Count);
        Assert.Empty(mappings);
        Assert.All(caseIds, id => Assert.All(statistics, row => Assert.DoesNotContain(id, row, StringComparison.Ordinal)));
        Assert.All(statistics, row => Assert.DoesNotContain("Haddad", row, StringComparison.Ordinal));
        Assert.All(statistics, row => Assert.DoesNotContain("Termin", row, StringComparison.Ordinal));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_municipality_of_another_district_is_answered_like_an_unknown_one_and_bad_dates_are_422()
    {
        await using var app = new KimApp(azurite);
        await app.Services.GetRequiredService<IAccessDirectory>().UpsertMunicipalityAsync(new Municipality("soest", "Soest", "so"), CancellationToken.None);
        using var coordinator = app.Staff("coord-mk");

        var foreign = await Problems.AssertAsync(await coordinator.GetAsync("/api/reports/cases?municipality=soest"), HttpStatusCode.NotFound, ProblemTypes.NotFound);
        var unknown = await Problems.AssertAsync(await coordinator.GetAsync("/api/reports/cases?municipality=nirgendwo"), HttpStatusCode.NotFound, ProblemTypes.NotFound);
        var badDay = await Problems.AssertAsync(
            await coordinator.GetAsync("/api/reports/barriers?from=2026-13-01&to=9999-12-31"), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        var reversed = await Problems.AssertAsync(
            await coordinator.GetAsync("/api/reports/cases?from=2026-12-01&to=2026-11-30"), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        var defaults = await CaseKit.OkAsync(await coordinator.GetAsync("/api/reports/cases"));
        await Problems.AssertAsync(await app.Staff(CaseKit.Luedenscheid).GetAsync("/api/reports/cases"), HttpStatusCode.Forbidden, ProblemTypes.Forbidden);

        Assert.Equal(foreign.GetProperty("detail").GetString(), unknown.GetProperty("detail").GetString());
        Assert.Equal(["from", "to"], Problems.ErrorFields(badDay).Order());
        Assert.Equal(["from"], Problems.ErrorFields(reversed));
        Assert.Equal(("2026-01-01", "2026-11-30"), (defaults.GetProperty("from").GetString(), defaults.GetProperty("to").GetString()));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_rebuild_writes_the_rows_of_cases_whose_writes_were_lost_and_twice_changes_nothing()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff("cm-menden");
        using var coordinator = app.Staff("coord-mk");
        for (var i = 0; i < 5; i++)
        {
            await CaseKit.OpenAsync(staff);
        }

        var tables = app.Services.GetRequiredService<TableServiceClient>();
        foreach (var name in new[] { StorageNames.CaseStatisticsTable, StorageNames.CaseStatisticsKeysTable })
        {
            var table = tables.GetTableClient(name);
            await foreach (var entity in table.QueryAsync<TableEntity>())
            {
                await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey);
            }
        }

        var lost = await CaseKit.OkAsync(await coordinator.GetAsync($"/api/reports/cases?municipality=menden&{November}"));
        var projection = app.Services.GetRequiredService<CaseStatisticsProjection>();
        var workflows = app.Services.GetRequiredService<WorkflowClient>();
        await projection.RebuildAsync(workflows, CancellationToken.None);
        await projection.RebuildAsync(workflows, CancellationToken.None);
        var rebuilt = await CaseKit.OkAsync(await coordinator.GetAsync($"/api/reports/cases?municipality=menden&{November}"));

        Assert.Null(Value(lost, "cases", "new"));
        Assert.Equal(5, Value(rebuilt, "cases", "new"));
        Assert.Equal(5, Value(rebuilt, "age-band", "27-44"));
    }

    [Fact]
    public async Task Every_text_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        string[] formulas = ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"];
        var report = new ReportResponse("mk", "=HYPERLINK(\"http://x\")", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30),
            [.. formulas.Select(f => new Kim.Core.Reports.ReportCell("barriers", "rules", f, null))]);
        using var stream = new MemoryStream();

        await ReportCsv.WriteAsync(stream, report, CancellationToken.None);

        var text = Encoding.UTF8.GetString(stream.ToArray().AsSpan(3));
        var fields = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).SelectMany(Fields).ToList();
        Assert.All(fields, f => Assert.DoesNotMatch("^[=+\\-@\t\r]", f));
        Assert.Equal(formulas.Select(f => "'" + f), fields.Where((_, i) => i % 8 == 6));
    }

    private static HttpRequestMessage Csv(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        return request;
    }

    private static long? Value(JsonElement report, string figure, string? category, string? detail = null)
    {
        var cell = report.GetProperty("figures").EnumerateArray().Single(c =>
            c.GetProperty("figure").GetString() == figure && c.GetProperty("category").GetString() == category && c.GetProperty("detail").GetString() == detail);
        return cell.GetProperty("value").ValueKind == JsonValueKind.Null ? null : cell.GetProperty("value").GetInt64();
    }

    /// <summary>The fields of one CSV line (RFC 4180 quoting, <c>;</c>), unquoted.</summary>
    private static IEnumerable<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ';' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static async Task<List<string>> ReadAllAsync(HttpClient coordinator)
    {
        var answers = new List<string>();
        foreach (var path in new[] { "cases?municipality=luedenscheid", "barriers?municipality=luedenscheid", "cases" })
        {
            answers.Add((await CaseKit.OkAsync(await coordinator.GetAsync($"/api/reports/{path}&{November}".Replace("cases&", "cases?", StringComparison.Ordinal)))).GetRawText());
            using var csv = await coordinator.SendAsync(Csv($"/api/reports/{path}&{November}".Replace("cases&", "cases?", StringComparison.Ordinal)));
            answers.Add(await csv.Content.ReadAsStringAsync());
        }

        return answers;
    }

    private static async Task<List<string>> ScanAsync(TableClient table)
    {
        var rows = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            rows.Add(string.Join("|", entity.Select(p => $"{p.Key}={p.Value}")));
        }

        return rows;
    }
}
