using Azure.Core;

namespace Kim.Core.Storage;

/// <summary>
/// The account's Blob service: hands out <see cref="BlobContainerClient"/>s that share its pipeline.
/// https://learn.microsoft.com/rest/api/storageservices/blob-service-rest-api
/// </summary>
public sealed class BlobServiceClient
{
    private readonly StorageRestClient _rest;

    public BlobServiceClient(StorageAccount account, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        _rest = StorageRestClient.ForBlobs(account, options);
    }

    public Uri Endpoint => _rest.Endpoint;

    public BlobContainerClient GetBlobContainerClient(string containerName) => new(_rest, containerName);

    /// <summary>One cheap authenticated request (list one container), for health checks.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/list-containers2</remarks>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Get, "?comp=list&maxresults=1");
        await _rest.SendAsync(message, cancellationToken);
    }
}
