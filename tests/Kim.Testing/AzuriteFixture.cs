using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kim.Testing;

/// <summary>
/// One Azurite for a whole test project: in memory, on free loopback ports, so a test run never
/// collides with a local instance. It is started through scripts/azurite.js, which exits when our
/// standard-input pipe closes: if the test host dies, Azurite dies with it.
/// </summary>
public sealed class AzuriteFixture : IAsyncDisposable, Xunit.IAsyncLifetime
{
    /// <summary>The well-known development account key, published in Azurite's README.</summary>
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    public int BlobPort { get; private set; }
    public int QueuePort { get; private set; }
    public int TablePort { get; private set; }

    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");
    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");
    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    /// <summary>A connection string in the form Azure Functions reads from AzureWebJobsStorage.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepoPaths.Root, "scripts", "azurite.js");
        if (!Directory.Exists(Path.Combine(RepoPaths.Root, "node_modules", "azurite")))
        {
            throw new InvalidOperationException("Azurite is not installed: run `npm ci` in " + RepoPaths.Root);
        }

        for (var attempt = 1; ; attempt++)
        {
            (BlobPort, QueuePort, TablePort) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
            var start = new ProcessStartInfo("node")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = RepoPaths.Root,
            };
            start.Environment["KIM_AZURITE_EXIT_WITH_STDIN"] = "1";
            foreach (var arg in new[]
            {
                script, "--silent", "--disableTelemetry", "--inMemoryPersistence",
                "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            {
                start.ArgumentList.Add(arg);
            }

            _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();

            if (await WaitForPortsAsync(TimeSpan.FromSeconds(30)))
            {
                return;
            }

            await StopAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException("Azurite did not start listening within 30 s, three times.");
            }
        }
    }

    public async Task DisposeAsync() => await StopAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await StopAsync();

    private async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // The process already exited.
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }
    }

    private async Task<bool> WaitForPortsAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (_process!.HasExited)
                {
                    return false;
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }
                catch (SocketException)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
