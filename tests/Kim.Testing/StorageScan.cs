using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Kim.Core.Storage;

namespace Kim.Testing;

/// <summary>
/// Reads a whole storage account and reports every place that contains one of the given strings:
/// every entity of every table (keys and property values), every blob of every container (name,
/// metadata and, for blobs up to 1 MiB, the content as UTF-8) and the visible messages of every
/// queue (a peek sees at most 32 per queue, and none that waits invisibly, such as a durable
/// timer's message). For retention tests: what a deleted case leaves behind.
/// </summary>
public static class StorageScan
{
    private const long MaxBlobBytes = 1 << 20;

    /// <summary>Where each of <paramref name="needles"/> occurs: <c>table {name} {pk}/{rk}</c>, <c>blob {container}/{name}</c>, <c>queue {name}</c>.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(string connectionString, IReadOnlyCollection<string> needles, CancellationToken cancellationToken = default)
    {
        var hits = new List<string>();
        bool Contains(string text) => needles.Any(n => text.Contains(n, StringComparison.Ordinal));

        var account = StorageAccount.Parse(connectionString);
        var tables = account.CreateTableServiceClient();
        await foreach (var table in tables.QueryAsync(cancellationToken: cancellationToken))
        {
            await foreach (var entity in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                var text = string.Join('\n', entity.Select(p => $"{p.Key}={ValueText(p.Value)}").Prepend(entity.RowKey).Prepend(entity.PartitionKey));
                if (Contains(text))
                {
                    hits.Add($"table {table.Name} {entity.PartitionKey}/{entity.RowKey}");
                }
            }
        }

        var blobs = account.CreateBlobServiceClient();
        await foreach (var container in blobs.GetBlobContainersAsync(cancellationToken: cancellationToken))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken))
            {
                var text = blob.Name + "\n" + string.Join('\n', blob.Metadata.Select(m => $"{m.Key}={m.Value}"));
                if (blob.Properties.ContentLength is <= MaxBlobBytes)
                {
                    try
                    {
                        var content = await client.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
                        text += "\n" + Encoding.UTF8.GetString(content.Value.Content.ToArray());
                    }
                    catch (Azure.RequestFailedException exception) when (exception.Status == 404)
                    {
                        // Deleted between the listing and the read (a purge, a task hub's lease blob): its name still counts.
                    }
                }

                if (Contains(text))
                {
                    hits.Add($"blob {container.Name}/{blob.Name}");
                }
            }
        }

        var queues = account.CreateQueueServiceClient();
        await foreach (var queue in queues.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            var messages = await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32, cancellationToken);
            hits.AddRange(messages.Value.Where(m => Contains(m.Body.ToString())).Select(m => $"queue {queue.Name} {m.MessageId}"));
        }

        return hits;
    }

    private static string ValueText(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        BinaryData data => data.ToString(),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
