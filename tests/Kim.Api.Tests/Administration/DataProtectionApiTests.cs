using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Api.Tests.Cases;
using Kim.Core.Storage;
using Kim.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Api.Tests.Administration;

/// <summary>The audit trail and the Art. 15 export, on the real app and Azurite.</summary>
public sealed class DataProtectionApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Timeout = 60_000;

    [Fact(Timeout = Timeout)]
    public async Task Reads_and_changes_of_a_case_are_in_its_audit_with_route_and_reading_the_audit_is_audited_too()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.OpenAsync(staff);
        await CaseKit.GetCaseAsync(staff, caseId);
        await CaseKit.OkAsync(await staff.GetAsync($"/api/cases/{caseId}/timeline"));
        using var admin = app.Staff("admin-mk");
        using var dpo = app.Staff("dpo-mk");

        var first = Items(await CaseKit.OkAsync(await admin.GetAsync($"/api/admin/audit?caseId={caseId}")));
        Assert.Equal(["change open", "read case", "read timeline", "read audit"], first.Select(e => $"{e.GetProperty("action")} {e.GetProperty("target")}"));
        Assert.Equal(["cm-luedenscheid", "cm-luedenscheid", "cm-luedenscheid", "admin-mk"], first.Select(e => e.GetProperty("actor").GetString()));
        Assert.Equal("GET /api/cases/{caseId}/timeline", first[2].GetProperty("route").GetString());
        Assert.Equal([1L, 2L, 3L, 4L], first.Select(e => e.GetProperty("sequence").GetInt64()));

        var byDpo = Items(await CaseKit.OkAsync(await dpo.GetAsync($"/api/admin/audit?caseId={caseId}&actor=admin-mk")));
        Assert.Equal(["admin-mk"], byDpo.Select(e => e.GetProperty("actor").GetString()));

        var district = Items(await CaseKit.OkAsync(await dpo.GetAsync("/api/admin/audit?actor=dpo-mk")));
        Assert.Contains(district, e => CaseIdOf(e) == caseId && e.GetProperty("action").GetString() == "read");
        Assert.Contains(district, e => e.GetProperty("chainId").GetString() == "district|mk" && e.GetProperty("target").GetString() == "audit");

        var verified = await CaseKit.OkAsync(await dpo.GetAsync($"/api/admin/audit/verify?caseId={caseId}"));
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.GetRawText());
        Assert.Equal(1, verified.GetProperty("chains").GetInt32());
        Assert.Equal(6, verified.GetProperty("entries").GetInt64());

        var problem = await Problems.AssertAsync(await dpo.GetAsync("/api/admin/audit?from=yesterday&pageSize=0"), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(["from", "pageSize"], Problems.ErrorFields(problem).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> Tamperings => [.. AuditTampering.Kinds];

    [Theory(Timeout = Timeout)]
    [MemberData(nameof(Tamperings))]
    public async Task Verification_finds_an_audit_entry_changed_deleted_reordered_or_cut_off_in_the_table(string tampering)
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.OpenAsync(staff);
        await CaseKit.GetCaseAsync(staff, caseId);
        await CaseKit.GetCaseAsync(staff, caseId);
        using var dpo = app.Staff("dpo-mk");
        Assert.True((await CaseKit.OkAsync(await dpo.GetAsync($"/api/admin/audit/verify?caseId={caseId}"))).GetProperty("intact").GetBoolean());

        var table = app.Services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.AuditTable);
        await AuditTampering.TamperAsync(table, caseId, tampering, new CancellationTokenSource(Timeout).Token);

        var verified = await CaseKit.OkAsync(await dpo.GetAsync($"/api/admin/audit/verify?caseId={caseId}"));
        Assert.False(verified.GetProperty("intact").GetBoolean());
        var broken = verified.GetProperty("firstBroken");
        Assert.Equal(caseId, broken.GetProperty("chainId").GetString());
        Assert.Equal(tampering == "cut-off" ? 3 : 2, broken.GetProperty("sequence").GetInt64());

        // The whole district's verification finds it too (or an earlier broken chain of this class's other tests).
        Assert.False((await CaseKit.OkAsync(await dpo.GetAsync("/api/admin/audit/verify"))).GetProperty("intact").GetBoolean());
    }

    [Fact(Timeout = Timeout)]
    public async Task The_export_is_a_zip_with_the_case_its_timeline_and_its_documents_byte_for_byte_and_is_audited()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.AcceptedAsync(staff);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 70_000) + "\n%%EOF\n");
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var uploaded = await CaseKit.OkAsync(
            await staff.PostAsync($"/api/cases/{caseId}/documents", new MultipartFormDataContent { { file, "file", "Bescheid Jobcenter.pdf" } }),
            HttpStatusCode.Created);
        var documentId = uploaded.GetProperty("id").GetString()!;
        using var dpo = app.Staff("dpo-mk");

        using var response = await dpo.GetAsync($"/api/admin/cases/{caseId}/export", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"case-{caseId}.zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        JsonElement export;
        await using (var json = await zip.GetEntry("case.json")!.OpenAsync())
        {
            export = (await JsonDocument.ParseAsync(json)).RootElement.Clone();
        }

        Assert.Equal(caseId, export.GetProperty("case").GetProperty("caseId").GetString());
        Assert.Equal("Amira", export.GetProperty("case").GetProperty("client").GetProperty("givenName").GetString());
        Assert.Equal(["open", "start-clearing", "accept"], export.GetProperty("timeline").EnumerateArray()
            .Select(e => e.GetProperty("type").GetString()).Where(t => t is "open" or "started" or "start-clearing" or "accept").Select(t => t == "started" ? "open" : t));
        Assert.Equal("dpo-mk", export.GetProperty("exportedBy").GetString());
        var path = export.GetProperty("documents")[0].GetProperty("path").GetString()!;
        Assert.Equal($"documents/{documentId}/Bescheid Jobcenter.pdf", path);
        await using (var document = await zip.GetEntry(path)!.OpenAsync())
        {
            using var bytes = new MemoryStream();
            await document.CopyToAsync(bytes);
            Assert.Equal(pdf, bytes.ToArray());
        }

        using var admin = app.Staff("admin-mk");
        var audit = Items(await CaseKit.OkAsync(await admin.GetAsync($"/api/admin/audit?caseId={caseId}&actor=dpo-mk")));
        Assert.Equal("export case", $"{audit[0].GetProperty("action")} {audit[0].GetProperty("target")}");
        Assert.Equal("GET /api/admin/cases/{caseId}/export", audit[0].GetProperty("route").GetString());
    }

    [Fact(Timeout = Timeout)]
    public async Task Other_roles_may_not_read_the_audit_or_export_and_another_districts_case_answers_like_a_missing_one()
    {
        await using var app = new KimApp(azurite);
        var directory = app.Services.GetRequiredService<IAccessDirectory>();
        await directory.UpsertMunicipalityAsync(new Municipality("arnsberg", "Arnsberg", "hsk"), CancellationToken.None);
        await directory.UpsertStaffAsync(new StaffMember("cm-arnsberg", "Arnsberg", "cm-arnsberg@example.org", StaffRole.CaseManager, "hsk", "arnsberg"), CancellationToken.None);
        using var other = app.Staff("cm-arnsberg");
        var otherCase = await CaseKit.OpenAsync(other);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var ownCase = await CaseKit.OpenAsync(staff);

        foreach (var id in new[] { CaseKit.Luedenscheid, "coord-mk" })
        {
            using var client = app.Staff(id);
            await Problems.AssertAsync(await client.GetAsync("/api/admin/audit"), HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
            await Problems.AssertAsync(await client.GetAsync($"/api/admin/cases/{ownCase}/export"), HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        }

        using var dpo = app.Staff("dpo-mk");
        await Problems.AssertAsync(await dpo.GetAsync($"/api/cases/{ownCase}"), HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        foreach (var route in new[] { "/api/admin/audit?caseId={0}", "/api/admin/audit/verify?caseId={0}", "/api/admin/cases/{0}/export" })
        {
            var foreign = await Problems.AssertAsync(await dpo.GetAsync(string.Format(null, route, otherCase)), HttpStatusCode.NotFound, ProblemTypes.NotFound);
            var missing = await Problems.AssertAsync(await dpo.GetAsync(string.Format(null, route, "c-doesnotexist")), HttpStatusCode.NotFound, ProblemTypes.NotFound);
            Assert.Equal(foreign.GetProperty("detail").GetString(), missing.GetProperty("detail").GetString());
        }

        var district = Items(await CaseKit.OkAsync(await dpo.GetAsync("/api/admin/audit")));
        Assert.DoesNotContain(district, e => CaseIdOf(e) == otherCase);
    }

    private static string? CaseIdOf(JsonElement entry) => entry.TryGetProperty("caseId", out var id) ? id.GetString() : null;

    private static List<JsonElement> Items(JsonElement list) => [.. list.GetProperty("items").EnumerateArray()];
}
