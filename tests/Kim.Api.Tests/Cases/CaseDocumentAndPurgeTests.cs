using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Kim.Api.Http;
using Kim.Core;
using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Storage;
using Kim.Core.Workflows;
using Kim.Core.Workflows.Payloads;
using Kim.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Api.Tests.Cases;

/// <summary>Documents, the access log and the purge-case action, through real HTTP on Azurite.</summary>
public sealed class CaseDocumentAndPurgeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Timeout = 60_000;

    private static readonly Dictionary<string, string?> SmallFiles = new() { ["Kim:Intake:MaxFileBytes"] = "4096" };

    private static byte[] Pdf(int length = 600)
    {
        var bytes = new byte[length];
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(bytes, 0);
        for (var i = 9; i < length; i++)
        {
            bytes[i] = (byte)(i % 251);
        }

        Encoding.ASCII.GetBytes("\n%%EOF\n").CopyTo(bytes, length - 7);
        return bytes;
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName, string declaredType = "application/pdf")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    [Fact(Timeout = Timeout)]
    public async Task A_PDF_is_uploaded_listed_and_downloaded_byte_for_byte_and_the_download_is_in_the_access_log()
    {
        await using var app = new KimApp(azurite, settings: SmallFiles);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.OpenAsync(staff);
        var bytes = Pdf();

        using var uploaded = await staff.PostAsync($"/api/cases/{caseId}/documents", Upload(bytes, "Bescheid.pdf"));
        var created = await CaseKit.OkAsync(uploaded, HttpStatusCode.Created);
        var documentId = created.GetProperty("id").GetString()!;
        var list = await CaseKit.OkAsync(await staff.GetAsync($"/api/cases/{caseId}/documents"));
        using var download = await staff.GetAsync($"/api/cases/{caseId}/documents/{documentId}");
        var downloaded = await download.Content.ReadAsByteArrayAsync();
        await Problems.AssertAsync(await app.Staff("cm-iserlohn").GetAsync($"/api/cases/{caseId}/documents/{documentId}"), HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await Problems.AssertAsync(await staff.GetAsync($"/api/cases/{caseId}/documents/d-missing"), HttpStatusCode.NotFound, ProblemTypes.NotFound);

        Assert.Equal($"/api/cases/{caseId}/documents/{documentId}", uploaded.Headers.Location?.OriginalString);
        var listed = list.GetProperty("items")[0];
        Assert.Equal(documentId, listed.GetProperty("documentId").GetString());
        Assert.Equal("Bescheid.pdf", listed.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", listed.GetProperty("contentType").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bescheid.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(bytes, downloaded);
        var audit = await ReadAuditAsync(app, caseId);
        Assert.Contains(audit, e => e.Action == "download" && e.Target == "document:" + documentId && e.Actor == CaseKit.Luedenscheid);
        Assert.Contains(audit, e => e.Action == "upload" && e.Target == "document:" + documentId);
        Assert.Contains(audit, e => e.Action == "read" && e.Target == "documents");
        Assert.DoesNotContain(audit, e => e.Actor == "cm-iserlohn");
    }

    [Fact(Timeout = Timeout)]
    public async Task A_file_larger_than_the_JSON_body_limit_is_taken_within_the_file_limit()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.OpenAsync(staff);
        var bytes = Pdf((int)KimLimits.JsonBodyBytes + 100_000);

        var created = await CaseKit.OkAsync(await staff.PostAsync($"/api/cases/{caseId}/documents", Upload(bytes, "Scan.pdf")), HttpStatusCode.Created);
        using var download = await staff.GetAsync($"/api/cases/{caseId}/documents/{created.GetProperty("id").GetString()}");

        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact(Timeout = Timeout)]
    public async Task An_executable_is_422_an_oversized_file_413_a_JSON_body_415_and_nothing_is_stored()
    {
        await using var app = new KimApp(azurite, settings: SmallFiles);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.OpenAsync(staff);
        var exe = new byte[300];
        "MZ"u8.CopyTo(exe);

        var notPdf = await Problems.AssertAsync(
            await staff.PostAsync($"/api/cases/{caseId}/documents", Upload(exe, "Bescheid.pdf")), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        await Problems.AssertAsync(
            await staff.PostAsync($"/api/cases/{caseId}/documents", Upload(Pdf(5000), "gross.pdf")), HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
        await Problems.AssertAsync(
            await staff.PostAsJsonAsync($"/api/cases/{caseId}/documents", new { file = "x" }), HttpStatusCode.UnsupportedMediaType, ProblemTypes.UnsupportedMediaType);
        await Problems.AssertAsync(
            await app.Staff("cm-menden").PostAsync($"/api/cases/{caseId}/documents", Upload(Pdf(), "a.pdf")), HttpStatusCode.NotFound, ProblemTypes.NotFound);

        Assert.Contains("file", Problems.ErrorFields(notPdf));
        var list = await CaseKit.OkAsync(await staff.GetAsync($"/api/cases/{caseId}/documents"));
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact(Timeout = Timeout)]
    public async Task Reads_and_writes_of_a_case_are_in_the_access_log_apart_from_the_history()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.OpenAsync(staff);

        // The log is ordered by time: the clock moves between the accesses as it would in use.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await CaseKit.GetCaseAsync(staff, caseId);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await CaseKit.OkAsync(await staff.GetAsync($"/api/cases/{caseId}/timeline"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await CaseKit.OkAsync(await staff.PostAsync($"/api/cases/{caseId}/transitions/start-clearing", null));

        var audit = await ReadAuditAsync(app, caseId);
        Assert.Equal(
            [("change", "open"), ("read", "case"), ("read", "timeline"), ("change", "start-clearing")],
            audit.Select(e => (e.Action, e.Target)));
        Assert.All(audit, e => Assert.Equal(CaseKit.Luedenscheid, e.Actor));
    }

    [Fact(Timeout = Timeout)]
    public async Task Purge_removes_the_case_its_children_documents_and_list_row_and_can_run_twice()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.AcceptedAsync(staff);
        await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/consents", new
        {
            recipient = "jobcenter-mk",
            purpose = "Vermittlung",
            categories = new[] { "identity" },
            form = "written",
            validFrom = "2026-11-01",
        }));
        var referralId = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals", new { partnerId = "jobcenter-mk", purpose = "Beratung" }));
        await CaseKit.OkAsync(await staff.PostAsync($"/api/cases/{caseId}/documents", Upload(Pdf(), "Einwilligung.pdf")), HttpStatusCode.Created);
        await CaseKit.OkAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/transitions/close", new { reason = "moved-away" }));
        var workflows = app.Services.GetRequiredService<WorkflowClient>();
        Assert.NotNull(await workflows.GetAsync(referralId));
        var purge = app.Services.GetServices<IActionHandler>().Single(h => h.Name == ActionNames.PurgeCase);
        var request = new ActionRequest(
            caseId, CaseWorkflow.WorkflowName, $"purge:{caseId}", $"{caseId}|purge:{caseId}", KimJson.ToElement(new CaseReference(caseId, "luedenscheid")), 1);

        await purge.ExecuteAsync(request, CancellationToken.None);
        await purge.ExecuteAsync(request with { Attempt = 2 }, CancellationToken.None);

        await Problems.AssertAsync(await staff.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.NotFound, ProblemTypes.NotFound);
        Assert.Null(await workflows.GetAsync(caseId));
        Assert.Null(await workflows.GetAsync(referralId));
        Assert.Empty((await workflows.GetHistoryAsync(caseId)).Entries);
        Assert.Empty(await app.Services.GetRequiredService<IDocumentStore>().ListAsync(caseId, CancellationToken.None));
        var row = await app.Services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.CaseListTable)
            .GetEntityOrDefaultAsync("luedenscheid", caseId);
        Assert.Null(row);
    }

    private static async Task<List<AuditEntry>> ReadAuditAsync(KimApp app, string caseId)
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in app.Services.GetRequiredService<IAuditLog>().ReadAsync(caseId, CancellationToken.None))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
