using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Kim.Testing;

namespace Kim.Api.Tests.Durable;

/// <summary>
/// One run of Kim.Standalone as a process of its own, in Development, on a free loopback port and
/// the given storage and task hub (the settings in environment variables, as an operator sets them).
/// Its output is kept (the last lines) so that a failing test can show what the app said.
/// </summary>
internal sealed class StandaloneProcess : IDisposable
{
    private const int KeptLines = 400;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private readonly StreamWriter _log;

    private StandaloneProcess(Process process, Uri address, string logPath)
    {
        _process = process;
        Address = address;
        _log = new StreamWriter(logPath) { AutoFlush = true };
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Where this run listens.</summary>
    public Uri Address { get; }

    /// <summary>The process id; DurableBackend writes it into the worker id that owns the task hub's partitions.</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code; only once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts Kim.Standalone on <paramref name="storage"/> with task hub <paramref name="taskHub"/>
    /// (<paramref name="partitions"/> partitions, 1 s polling); everything it writes also goes to
    /// <paramref name="logPath"/>. A process started in the background of a non-interactive shell
    /// (as CI may start the tests) inherits SIGINT ignored, and .NET keeps it ignored: Kim starts
    /// with the default, as scripts/run.sh starts it, so that SIGINT does what a terminal's Ctrl+C does.
    /// </summary>
    public static StandaloneProcess Start(string storage, string taskHub, string logPath, int partitions = 1)
    {
        var address = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var start = new ProcessStartInfo("env", ["--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "Kim.Standalone.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = address.ToString(),
                ["AzureWebJobsStorage"] = storage,
                ["Kim__Durable__TaskHub"] = taskHub,
                ["Kim__Durable__PartitionCount"] = partitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Kim__Durable__MaxQueuePollingInterval"] = "00:00:01",
            },
        };
        return new StandaloneProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), address, logPath);
    }

    /// <summary>Waits until the app answers its health route; fails when the process exits first or after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Kim exited during start-up with {_process.ExitCode}:\n{Output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative), deadline.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
            {
                // The first answer can take longer than one probe's 5 s on a busy machine; ask again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Linux): no shutdown code runs, leases stay taken.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGINT, a terminal's Ctrl+C: the app shuts down; waits until the process has exited.</summary>
    /// <exception cref="OperationCanceledException">It still runs after <paramref name="within"/>.</exception>
    public async Task InterruptAsync(TimeSpan within)
    {
        using (var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            await interrupt.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>The last lines the app wrote.</summary>
    public string Output() => string.Join('\n', _output);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.BaseStream is not null)
            {
                _log.WriteLine(line);
            }
        }

        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }
}
