using System.Globalization;
using Azure.Core;
using Kim.Core;
using Kim.Core.Records;
using Kim.Core.Storage;
using Kim.Core.Storage.Records;
using Kim.Core.Workflows;
using Kim.Testing;

namespace Kim.Bench;

/// <summary>
/// Kim's case records against Azurite (without waking orchestrations): starting a case and applying a
/// person's event inline (as the HTTP API does), with the storage requests each one costs, against
/// a bare table insert measured in the same run.
/// </summary>
public static class RuntimeBenchmarks
{
    public static async Task RunAsync(AzuriteFixture azurite, int count)
    {
        var account = StorageAccount.Parse(azurite.ConnectionString);
        var counter = new RequestCountingPolicy();
        void Count(ClientOptions options) => options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var tables = account.CreateTableServiceClient(Count);
        foreach (var table in new[] { "benchinstances", "benchindex", "benchraw2" })
        {
            await tables.CreateTableIfNotExistsAsync(table);
        }

        var workflows = WorkflowRegistry.Of(KimWorkflows.Create());

        var runtime = new RecordKeeper(
            new TableInstanceStore(tables.GetTableClient("benchinstances"), tables.GetTableClient("benchindex")),
            workflows,
            new ActionRegistry());
        var client = runtime.Client;
        var input = KimJson.ToElement(new
        {
            municipality = "luedenscheid",
            district = "mk",
            client = new { givenName = "Bench", familyName = "Mark" },
            urgency = "normal",
            consentToCaseProcessing = true,
        });
        var contact = KimJson.ToElement(new { channel = "phone" });

        Report.Header("Records: the case workflow on Table Storage");
        using var raw = new RawTableInsert(azurite.TableEndpoint, AzuriteFixture.AccountName, AzuriteFixture.AccountKey, "benchraw2");
        var baseline = await Measurement.RunAsync("bare HttpClient insert (one round trip)", count, i => raw.InsertAsync("p", Id(i)));
        Report.Line(baseline, "baseline");

        counter.Reset();
        var starts = await Measurement.RunAsync("start a case (intake or walk-in)", count, i => client.StartAsync(Id(i), CaseWorkflow.WorkflowName, input, "cm-bench"));
        Report.Line(starts, PerOperation(counter, count + 1, starts, baseline));

        for (var i = 0; i < count; i++)
        {
            await client.RaiseEventAsync(Id(i), CaseEvents.StartClearing, null, "cm-bench");
        }

        counter.Reset();
        var events = await Measurement.RunAsync("record a contact (inline, moves a timer)", count, i =>
            client.RaiseEventAsync(Id(Math.Max(i, 0)), CaseEvents.RecordContact, contact, "cm-bench"));
        Report.Line(events, PerOperation(counter, count + 1, events, baseline));
    }

    private static string PerOperation(RequestCountingPolicy counter, int operations, Measurement m, Measurement baseline) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{(double)counter.Count / operations:0.0} storage requests/op, {m.PerSecond / baseline.PerSecond:0.00}x baseline throughput");

    private static string Id(int i) => i < 0 ? "c-warmup" : "c-" + i.ToString("D6", CultureInfo.InvariantCulture);
}
