using System.Diagnostics;
using Azure.Data.Tables;
using Kim.Testing;

namespace Kim.Api.Tests.Durable;

/// <summary>
/// Ctrl+C on Kim.Standalone, started as its own process: it stops promptly and hands its task hub
/// partitions back, so that the next Kim on the same storage takes them at once instead of waiting
/// for the lease to expire (up to a minute).
/// </summary>
public sealed class DurableShutdownTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact(Timeout = 180_000)]
    public async Task Ctrl_C_stops_Kim_within_seconds_and_releases_its_partitions()
    {
        var hub = KimApp.NewTaskHubName();
        using var kim = StandaloneProcess.Start(azurite.ConnectionString, hub, LogPath(hub), partitions: 4);
        var partitions = new TableServiceClient(azurite.ConnectionString).GetTableClient(hub + "Partitions");
        await UntilPartitionsOwnedAsync(kim, partitions);

        var stopping = Stopwatch.StartNew();
        await kim.InterruptAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, kim.ExitCode);
        Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.All(await OwnersAsync(partitions), owner => Assert.Equal(string.Empty, owner));
        Assert.DoesNotContain("   at ", kim.Output(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task Ctrl_C_with_the_storage_gone_stops_Kim_after_the_shutdown_timeout_with_a_warning_not_a_crash()
    {
        var hub = KimApp.NewTaskHubName();
        var storage = new AzuriteFixture();
        await storage.InitializeAsync();
        using var kim = StandaloneProcess.Start(storage.ConnectionString, hub, LogPath(hub), partitions: 4);
        try
        {
            await UntilPartitionsOwnedAsync(kim, new TableServiceClient(storage.ConnectionString).GetTableClient(hub + "Partitions"));
        }
        finally
        {
            await storage.DisposeAsync();
        }

        await kim.InterruptAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(0, kim.ExitCode);
        Assert.Contains("did not stop within the host's shutdown timeout", kim.Output(), StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", kim.Output(), StringComparison.Ordinal);
    }

    private static string LogPath(string hub) => Path.Combine(Path.GetTempPath(), $"kim-shutdown-{hub}.log");

    /// <summary>Waits until all four partitions of the task hub have an owner: the worker runs.</summary>
    private static async Task UntilPartitionsOwnedAsync(StandaloneProcess kim, TableClient partitions)
    {
        using var owned = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await OwnersAsync(partitions)).Count(owner => owner.Length > 0) < 4)
        {
            Assert.False(kim.HasExited, "Kim exited during start-up:\n" + kim.Output());
            await Task.Delay(TimeSpan.FromMilliseconds(200), owned.Token);
        }
    }

    /// <summary>The owner of each partition lease (DurableTask.AzureStorage's partition table); empty when released.</summary>
    private static async Task<List<string>> OwnersAsync(TableClient partitions)
    {
        var owners = new List<string>();
        try
        {
            await foreach (var lease in partitions.QueryAsync<TableEntity>())
            {
                owners.Add(lease.GetString("CurrentOwner") ?? string.Empty);
            }
        }
        catch (Azure.RequestFailedException exception) when (exception.Status == 404)
        {
            // The task hub is not created yet.
        }

        return owners;
    }
}
