using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Api.Intake;
using Kim.Api.Tests.Cases;
using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Storage;
using Kim.Core.Workflows;
using Kim.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Api.Tests.Intake;

/// <summary>Intakes on the real app and Azurite: each becomes a case with its documents, exactly once.</summary>
public sealed class IntakeWorkflowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Timeout = 60_000;

    [Fact(Timeout = Timeout)]
    public async Task A_JSON_intake_starts_a_case_and_a_repeat_answers_the_first_reference_creating_nothing()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();
        var fields = IntakeRequests.Full("WF-JSON-1").With("urgency", "urgent");

        var first = await AcceptedAsync(http, IntakeRequests.Json(fields));
        var again = await AcceptedAsync(http, IntakeRequests.Json(fields));

        Assert.Equal(first.Reference, again.Reference);
        Assert.Equal($"/api/intake/{first.Reference}", first.StatusUrl);
        var workflows = app.Services.GetRequiredService<WorkflowClient>();
        var state = (await workflows.GetAsync(first.Reference))?.StateAs<CaseWorkflowState>();
        Assert.NotNull(state);
        Assert.Equal("luedenscheid", state.Municipality);
        Assert.Equal(CaseState.Referred, state.State);
        Assert.Equal(Urgency.Urgent, state.Urgency);
        Assert.Equal(new CaseSource("jobcenter-mk", "WF-JSON-1", new PartnerContact("Frau Beispiel", "beispiel@jobcenter.example.org", "02351 000")), state.Source);
        Assert.Equal("Haddad", state.Client.FamilyName);
        Assert.Equal([LegalDomain.AsylbLG], state.Client.LegalDomains);
        Assert.Equal(ResidenceStatusCategory.RecognisedRefugee, state.Client.ResidenceStatus);
        Assert.Equal([LifeDomain.Language, LifeDomain.Work], state.Needs.LifeDomains);
        Assert.Equal(1, await CaseKit.CountCasesAsync(workflows, "WF-JSON-1"));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_multipart_intake_stores_its_two_documents_on_the_case_once()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();
        var fields = IntakeRequests.Full("WF-MULTI-1");
        (string, string, byte[])[] files = [("bescheid.pdf", "application/pdf", IntakeRequests.Pdf), ("pass.png", "image/png", IntakeRequests.Png)];

        var first = await AcceptedAsync(http, IntakeRequests.Multipart(fields, files));
        var again = await AcceptedAsync(http, IntakeRequests.Multipart(fields, files));

        Assert.Equal(first.Reference, again.Reference);
        var documents = await app.Services.GetRequiredService<IDocumentStore>().ListAsync(first.Reference, CancellationToken.None);
        Assert.Equal(["bescheid.pdf", "pass.png"], documents.Select(d => d.FileName).Order(StringComparer.Ordinal));
        Assert.All(documents, d => Assert.Equal(WorkflowIntakeSink.DocumentSource, d.Source));
        Assert.All(documents, d => Assert.Equal("partner:jobcenter-mk", d.UploadedBy));
        Assert.Equal("application/pdf", documents.Single(d => d.FileName == "bescheid.pdf").ContentType);
        Assert.Equal(1, await CaseKit.CountCasesAsync(app.Services.GetRequiredService<WorkflowClient>(), "WF-MULTI-1"));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_repeat_after_a_crash_half_way_completes_the_intake_without_copying_documents_twice()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();
        var fields = IntakeRequests.Full("WF-CRASH-1");
        (string, string, byte[])[] files = [("a.pdf", "application/pdf", IntakeRequests.Pdf), ("b.png", "image/png", IntakeRequests.Png)];
        var first = await AcceptedAsync(http, IntakeRequests.Multipart(fields, files, idempotencyKey: "crash/1#?"));
        // The state a crash after the documents and before the start leaves: the row unfinished, no case.
        var workflows = app.Services.GetRequiredService<WorkflowClient>();
        await workflows.PurgeAsync(first.Reference);
        var intakes = app.Services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.IntakesTable);
        var row = Assert.Single(await intakes.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"jobcenter-mk"} and CaseId eq {first.Reference}")).ToListAsync());
        await intakes.UpsertEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["Completed"] = false });

        var retry = await AcceptedAsync(http, IntakeRequests.Multipart(fields, files, idempotencyKey: "crash/1#?"));

        Assert.Equal(first.Reference, retry.Reference);
        Assert.NotNull(await workflows.GetAsync(first.Reference));
        Assert.Equal(2, (await app.Services.GetRequiredService<IDocumentStore>().ListAsync(first.Reference, CancellationToken.None)).Count);
    }

    [Fact(Timeout = Timeout)]
    public async Task The_same_key_with_other_content_and_a_municipality_of_another_district_are_422()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();
        await AcceptedAsync(http, IntakeRequests.Json(IntakeRequests.Full("WF-KEY-1"), idempotencyKey: "wf-key-1"));

        using var reused = await http.SendAsync(IntakeRequests.Json(IntakeRequests.Full("WF-KEY-2"), idempotencyKey: "wf-key-1"));
        await Problems.AssertAsync(reused, HttpStatusCode.UnprocessableEntity, ProblemTypes.IdempotencyKeyReused);
        using var elsewhere = await http.SendAsync(IntakeRequests.Json(IntakeRequests.Full("WF-DO-1").With("municipality", "dortmund")));
        var problem = await Problems.AssertAsync(elsewhere, HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        Assert.Equal(["municipality"], Problems.ErrorFields(problem));
        Assert.Equal(0, await CaseKit.CountCasesAsync(app.Services.GetRequiredService<WorkflowClient>(), "WF-KEY-2"));
        Assert.Equal(0, await CaseKit.CountCasesAsync(app.Services.GetRequiredService<WorkflowClient>(), "WF-DO-1"));
    }

    [Fact(Timeout = Timeout)]
    public async Task The_sender_sees_the_status_without_personal_data_and_another_partner_gets_404()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();
        var accepted = await AcceptedAsync(http, IntakeRequests.Json(IntakeRequests.Full("WF-STATUS-1")));
        using var jobCentre = app.Partner(DemoData.JobCentreKey);
        using var caritas = app.Partner(DemoData.CaritasKey);

        var received = await StatusAsync(jobCentre, accepted.StatusUrl);
        Assert.Equal(["reference", "status", "receivedAt", "updatedAt"], received.EnumerateObject().Select(p => p.Name));
        Assert.Equal("received", received.GetProperty("status").GetString());
        Assert.Equal(app.Clock.GetUtcNow(), received.GetProperty("receivedAt").GetDateTimeOffset());

        app.Clock.Advance(TimeSpan.FromHours(1));
        var raised = await app.Services.GetRequiredService<WorkflowClient>()
            .RaiseEventAsync(accepted.Reference, CaseEvents.StartClearing, null, "staff:cm-luedenscheid");
        Assert.Equal(WorkflowOutcome.Applied, raised.Outcome);
        var clearing = await StatusAsync(jobCentre, accepted.StatusUrl);
        Assert.Equal("in-clearing", clearing.GetProperty("status").GetString());
        Assert.Equal(app.Clock.GetUtcNow(), clearing.GetProperty("updatedAt").GetDateTimeOffset());

        using var other = await caritas.GetAsync(new Uri(accepted.StatusUrl, UriKind.Relative));
        await Problems.AssertAsync(other, HttpStatusCode.NotFound, ProblemTypes.NotFound);
        using var unknown = await jobCentre.GetAsync(new Uri("/api/intake/c-unknown", UriKind.Relative));
        await Problems.AssertAsync(unknown, HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    private static async Task<IntakeAccepted> AcceptedAsync(HttpClient http, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<IntakeAccepted>())!;
        }
    }

    private static async Task<JsonElement> StatusAsync(HttpClient http, string statusUrl)
    {
        using var response = await http.GetAsync(new Uri(statusUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
