using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Kim.Core.Storage;

/// <summary>
/// What the Table, Queue and Blob clients share: one Azure.Core pipeline with the account's
/// authentication, the service endpoint and version, and one way to turn a failed response into
/// <see cref="RequestFailedException"/> with <c>Status</c> and <c>ErrorCode</c>.
/// </summary>
internal sealed class StorageRestClient
{
    /// <summary>The scope Azure Storage accepts for Microsoft Entra ID tokens.</summary>
    internal const string TokenScope = "https://storage.azure.com/.default";

    private StorageRestClient(HttpPipeline pipeline, Uri endpoint, string version, string? accountName)
    {
        Pipeline = pipeline;
        Endpoint = endpoint;
        Version = version;
        AccountName = accountName;
    }

    public HttpPipeline Pipeline { get; }
    public Uri Endpoint { get; }
    public string Version { get; }
    public string? AccountName { get; }

    public static StorageRestClient ForTables(StorageAccount account, StorageClientOptions? options)
    {
        options ??= new StorageClientOptions();
        return new(Build(account, options, tables: true), account.TableEndpoint, options.TableVersion, account.SharedKey?.AccountName);
    }

    public static StorageRestClient ForQueues(StorageAccount account, StorageClientOptions? options)
    {
        options ??= new StorageClientOptions();
        return new(Build(account, options, tables: false), account.QueueEndpoint, options.BlobQueueVersion, account.SharedKey?.AccountName);
    }

    public static StorageRestClient ForBlobs(StorageAccount account, StorageClientOptions? options)
    {
        options ??= new StorageClientOptions();
        return new(Build(account, options, tables: false), account.BlobEndpoint, options.BlobQueueVersion, account.SharedKey?.AccountName);
    }

    /// <summary>
    /// Builds the pipeline. Authentication runs per retry (after Azure.Core's request-id policy) so
    /// each attempt is freshly signed. The default classifier retries exactly 408, 429, 500, 502,
    /// 503 and 504, which is what storage wants.
    /// </summary>
    private static HttpPipeline Build(StorageAccount account, StorageClientOptions options, bool tables)
    {
        HttpPipelinePolicy auth = account.SharedKey is { } key
            ? new SharedKeyPolicy(key, tables)
            : new BearerTokenAuthenticationPolicy(
                account.TokenCredential ?? throw new InvalidOperationException("The storage account has no credential."),
                TokenScope);
        return HttpPipelineBuilder.Build(options, [], [auth], new ResponseClassifier());
    }

    /// <summary>A request to <paramref name="path"/> (already escaped, relative to the endpoint) with <c>x-ms-version</c> set.</summary>
    public HttpMessage CreateMessage(RequestMethod method, string path)
    {
        var message = Pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        var baseUri = Endpoint.AbsoluteUri.TrimEnd('/');
        request.Uri.Reset(new Uri(path.Length == 0 ? baseUri : baseUri + "/" + path.TrimStart('/')));
        request.Headers.SetValue("x-ms-version", Version);
        return message;
    }

    /// <summary>Sends and throws <see cref="RequestFailedException"/> on an error status not listed in <paramref name="accepted"/>.</summary>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken, params int[] accepted)
    {
        await Pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (response.IsError && !accepted.Contains(response.Status))
        {
            if (response.ContentStream is { CanSeek: false } unbuffered)
            {
                // A streamed response (downloads): buffer the small error body so its code can be read.
                var buffered = new MemoryStream();
                await unbuffered.CopyToAsync(buffered, cancellationToken);
                buffered.Position = 0;
                response.ContentStream = buffered;
            }

            throw new RequestFailedException(response, null, StorageErrorParser.Instance);
        }

        return response;
    }
}
