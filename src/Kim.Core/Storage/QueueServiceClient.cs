using Azure.Core;

namespace Kim.Core.Storage;

/// <summary>
/// The account's Queue service: hands out <see cref="QueueClient"/>s that share its pipeline.
/// https://learn.microsoft.com/rest/api/storageservices/queue-service-rest-api
/// </summary>
public sealed class QueueServiceClient
{
    private readonly StorageRestClient _rest;

    public QueueServiceClient(StorageAccount account, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        _rest = StorageRestClient.ForQueues(account, options);
    }

    public Uri Endpoint => _rest.Endpoint;

    public QueueClient GetQueueClient(string queueName) => new(_rest, queueName);

    /// <summary>One cheap authenticated request (list one queue), for health checks.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/list-queues1</remarks>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Get, "?comp=list&maxresults=1");
        await _rest.SendAsync(message, cancellationToken);
    }
}
