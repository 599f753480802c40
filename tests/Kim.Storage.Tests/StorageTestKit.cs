using Azure.Core;
using Kim.Core.Storage;
using Kim.Testing;

namespace Kim.Storage.Tests;

/// <summary>Clients on the shared Azurite, with a request counter and unique resource names per test.</summary>
internal static class StorageTestKit
{
    /// <summary>Generous for Azurite, short enough that a hang fails the test instead of the run.</summary>
    public static CancellationToken Timeout(int seconds = 30) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    public static StorageAccount Account(AzuriteFixture azurite) => StorageAccount.Parse(azurite.ConnectionString);

    public static StorageClientOptions Options(RequestCountingPolicy? counter = null)
    {
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = 0; // a test must see the first failure, not a retried one
        if (counter is not null)
        {
            options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        }

        return options;
    }

    /// <summary>A name valid for tables (letters and digits), queues and containers (lower case).</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];
}
