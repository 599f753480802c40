using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Kim.Core.Storage;

namespace Kim.Api.Storage;

/// <summary>
/// Creates every table, queue and blob container Kim uses before the app takes requests. Each
/// create is idempotent, so every start can run it.
/// </summary>
internal sealed partial class StorageProvisioningService(
    TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, ILogger<StorageProvisioningService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var name in StorageNames.Tables)
        {
            await tables.CreateTableIfNotExistsAsync(name, cancellationToken);
        }

        foreach (var name in StorageNames.Queues)
        {
            await queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var name in StorageNames.Containers)
        {
            await blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        LogProvisioned(logger, StorageNames.Tables.Count, StorageNames.Queues.Count, StorageNames.Containers.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Storage ready: {Tables} tables, {Queues} queues, {Containers} containers")]
    private static partial void LogProvisioned(ILogger logger, int tables, int queues, int containers);
}
