using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Kim.Core.Storage;
using Kim.Testing;

namespace Kim.Storage.Tests;

/// <summary>SDK clients on the shared Azurite, with a request counter and unique resource names per test.</summary>
internal static class StorageTestKit
{
    /// <summary>Generous for Azurite, short enough that a hang fails the test instead of the run.</summary>
    public static CancellationToken Timeout(int seconds = 30) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    public static StorageAccount Account(AzuriteFixture azurite) => StorageAccount.Parse(azurite.ConnectionString);

    /// <summary>
    /// Retries as in production but quickly: Azurite may reset a pooled connection that it has just
    /// closed, and the SDK retries such transport errors. Answers the code under test handles
    /// (404, 409, 412) are never retried by the SDK, so tests still see them first time. Optionally
    /// counts requests.
    /// </summary>
    public static Action<ClientOptions> Options(RequestCountingPolicy? counter = null) => options =>
    {
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(50);
        if (counter is not null)
        {
            options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        }
    };

    public static TableServiceClient Tables(AzuriteFixture azurite, RequestCountingPolicy? counter = null) =>
        Account(azurite).CreateTableServiceClient(Options(counter));

    public static BlobServiceClient Blobs(AzuriteFixture azurite, RequestCountingPolicy? counter = null) =>
        Account(azurite).CreateBlobServiceClient(Options(counter));

    public static QueueServiceClient Queues(AzuriteFixture azurite, RequestCountingPolicy? counter = null) =>
        Account(azurite).CreateQueueServiceClient(Options(counter));

    /// <summary>A name valid for tables (letters and digits), queues and containers (lower case).</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];
}
