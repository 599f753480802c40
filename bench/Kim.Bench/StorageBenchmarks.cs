using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Kim.Core.Storage;
using Kim.Core.Storage.Cases;
using Kim.Testing;

namespace Kim.Bench;

/// <summary>The Azure SDK clients as Kim creates them, against bare HTTP on the same Azurite, in the same run.</summary>
public static class StorageBenchmarks
{
    public static async Task RunAsync(AzuriteFixture azurite, int count)
    {
        var account = StorageAccount.Parse(azurite.ConnectionString);
        var tables = account.CreateTableServiceClient();
        await tables.CreateTableIfNotExistsAsync("benchraw");
        await tables.CreateTableIfNotExistsAsync("benchkim");
        await tables.CreateTableIfNotExistsAsync("benchbatch");
        var kimTable = tables.GetTableClient("benchkim");
        var batchTable = tables.GetTableClient("benchbatch");

        Report.Header("Tables: one insert per request");
        using var raw = new RawTableInsert(azurite.TableEndpoint, AzuriteFixture.AccountName, AzuriteFixture.AccountKey, "benchraw");
        var baseline = await Measurement.RunAsync("bare HttpClient insert", count, i => raw.InsertAsync("p", Key(i)));
        var sdk = await Measurement.RunAsync("SDK TableClient.AddEntityAsync", count, i =>
            kimTable.AddEntityAsync(new TableEntity("p", Key(i)) { ["Value"] = "benchmark" }));
        Report.Compare(baseline, sdk);

        Report.Header("Tables: 100 entities per entity-group transaction");
        var batches = Math.Max(1, count / 100);
        var batched = await Measurement.RunAsync("SDK SubmitTransactionAsync (100 ops)", batches, b =>
        {
            var partition = "b" + Key(b);
            return batchTable.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i =>
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, Key(i)) { ["Value"] = "benchmark" })));
        });
        var perEntity = new Measurement("  per entity", batches * 100, batched.Elapsed, batched.AllocatedBytes);
        Report.Line(perEntity, string.Create(CultureInfo.InvariantCulture, $"{perEntity.PerSecond / sdk.PerSecond:0.0}x single inserts"));

        Report.Header("Queues: send + receive + delete");
        var queue = account.CreateQueueServiceClient().GetQueueClient("benchqueue");
        await queue.CreateIfNotExistsAsync();
        var cycle = await Measurement.RunAsync("SDK queue cycle (3 requests)", count, async _ =>
        {
            await queue.SendMessageAsync("benchmark");
            var messages = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value;
            await queue.DeleteMessageAsync(messages[0].MessageId, messages[0].PopReceipt);
        });
        Report.Line(cycle, string.Create(CultureInfo.InvariantCulture, $"{cycle.PerSecond * 3 / baseline.PerSecond:0.00}x bare table round trips per request"));

        Report.Header("Blobs: 20 MiB document upload in 4 MiB blocks (BlobDocumentStore's transfer options)");
        var container = account.CreateBlobServiceClient().GetBlobContainerClient("benchblobs");
        await container.CreateIfNotExistsAsync();
        const int size = 20 * 1024 * 1024;
        var upload = await Measurement.RunAsync("SDK BlobClient.UploadAsync 20 MiB", 3, async i =>
        {
            using var source = new GeneratedStream(size);
            await container.GetBlobClient("blob-" + Key(i)).UploadAsync(source, new BlobUploadOptions { TransferOptions = BlobDocumentStore.TransferOptions });
        });
        Report.Figure(
            "  throughput",
            string.Create(CultureInfo.InvariantCulture, $"{upload.PerSecond * 20:0.0} MiB/s"),
            "");
        Report.Figure(
            "  allocated per upload",
            string.Create(CultureInfo.InvariantCulture, $"{upload.AllocatedPerOperation / (1024 * 1024):0.0} MiB"),
            string.Create(CultureInfo.InvariantCulture, $"{upload.AllocatedPerOperation / size:0.00}x the content size (flat memory: about one block)"));
    }

    private static string Key(int i) => i < 0 ? "warmup-" + Guid.NewGuid().ToString("N") : i.ToString("D8", CultureInfo.InvariantCulture);
}
