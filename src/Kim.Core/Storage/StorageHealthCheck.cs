using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Kim.Core.Storage;

/// <summary>
/// Probes each storage service with one cheap authenticated request (the first page of one table,
/// queue or container name) on clients of its own: no retries and a short network timeout, so a
/// health check answers quickly when storage is down.
/// </summary>
public sealed class StorageHealthCheck
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    private readonly TableServiceClient _tables;
    private readonly QueueServiceClient _queues;
    private readonly BlobServiceClient _blobs;
    private readonly TimeSpan _timeout;

    public StorageHealthCheck(StorageAccount account, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var limit = _timeout = timeout ?? DefaultTimeout;
        void Configure(Azure.Core.ClientOptions options)
        {
            options.Retry.MaxRetries = 0;
            options.Retry.NetworkTimeout = limit;
        }

        _tables = account.CreateTableServiceClient(Configure);
        _queues = account.CreateQueueServiceClient(Configure);
        _blobs = account.CreateBlobServiceClient(Configure);
    }

    /// <summary>Probes the three services in parallel; never throws for an unreachable service, reports it.</summary>
    public async Task<StorageHealthReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        var tables = ProbeAsync(_tables.QueryAsync(maxPerPage: 1, cancellationToken: deadline.Token));
        var queues = ProbeAsync(_queues.GetQueuesAsync(cancellationToken: deadline.Token));
        var blobs = ProbeAsync(_blobs.GetBlobContainersAsync(cancellationToken: deadline.Token));
        return new StorageHealthReport(await tables, await queues, await blobs);
    }

    private static async Task<bool> ProbeAsync<T>(AsyncPageable<T> listing)
        where T : notnull
    {
        try
        {
            await using var pages = listing.AsPages(pageSizeHint: 1).GetAsyncEnumerator();
            await pages.MoveNextAsync();
            return true;
        }
#pragma warning disable CA1031 // A probe reports any failure (refused, timed out, 403, 5xx) as unreachable; nothing is swallowed silently, the answer says so.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
