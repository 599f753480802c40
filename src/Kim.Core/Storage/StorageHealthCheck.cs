namespace Kim.Core.Storage;

/// <summary>
/// Probes each storage service with one cheap authenticated request on its own pipeline: no
/// retries and a short network timeout, so a health check answers quickly when storage is down.
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
        _timeout = timeout ?? DefaultTimeout;
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = _timeout;
        _tables = new TableServiceClient(account, options);
        _queues = new QueueServiceClient(account, options);
        _blobs = new BlobServiceClient(account, options);
    }

    public async Task<StorageHealthReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        var tables = ProbeAsync(_tables.PingAsync, deadline.Token);
        var queues = ProbeAsync(_queues.PingAsync, deadline.Token);
        var blobs = ProbeAsync(_blobs.PingAsync, deadline.Token);
        return new StorageHealthReport(await tables, await queues, await blobs);
    }

    private static async Task<bool> ProbeAsync(Func<CancellationToken, Task> ping, CancellationToken cancellationToken)
    {
        try
        {
            await ping(cancellationToken);
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
