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
        // A process started in the background of a non-interactive shell (as CI may start the tests)
        // inherits SIGINT ignored, and .NET keeps it ignored: start Kim with the default, as
        // scripts/run.sh does, so the test sees what a terminal's Ctrl+C does.
        var start = new ProcessStartInfo("env", ["--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "Kim.Standalone.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Kim__Durable__TaskHub"] = hub,
                ["Kim__Durable__MaxQueuePollingInterval"] = "00:00:01",
            },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var partitions = new TableServiceClient(azurite.ConnectionString).GetTableClient(hub + "Partitions");
        try
        {
            using (var owned = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                while ((await OwnersAsync(partitions)).Count(owner => owner.Length > 0) < 4)
                {
                    Assert.False(process.HasExited, "Kim exited during start-up.");
                    await Task.Delay(TimeSpan.FromMilliseconds(200), owned.Token);
                }
            }

            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            {
                await interrupt.WaitForExitAsync();
            }

            var stopping = Stopwatch.StartNew();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(0, process.ExitCode);
            Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
            Assert.All(await OwnersAsync(partitions), owner => Assert.Equal(string.Empty, owner));
            Assert.DoesNotContain("   at ", await stdout + await stderr, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
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
