using System.Diagnostics;

namespace Kim.Api.Tests.Durable;

/// <summary>
/// Kim.Standalone that is killed with SIGKILL on demand and started again at once on the same storage
/// and task hub. Clients send through <see cref="SendAsync"/>: a call that dies with a run waits for
/// the next run and is then retried, unless the caller finds it was applied before the kill.
/// </summary>
internal sealed class CrashingStandalone(string storage, string taskHub, Action<string> log) : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly object _gate = new();
    private TaskCompletionSource<StandaloneRun> _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private StandaloneRun? _current;
    private int _generation;
    private int _interrupted;
    private int _foundApplied;

    /// <summary>The task hub's partition leases and queues.</summary>
    public TaskHubState TaskHub { get; } = new(storage, taskHub);

    /// <summary>Calls that died with a run (sent again, or found applied).</summary>
    public int Interrupted => Volatile.Read(ref _interrupted);

    /// <summary>Calls that died with a run after their command had been committed: not sent again.</summary>
    public int FoundApplied => Volatile.Read(ref _foundApplied);

    /// <summary>Per restart that lived long enough: seconds from the kill until HTTP answered and until the new run owned the task hub's partition.</summary>
    public List<(double Serving, double OwnsPartition)> Restarts { get; } = [];

    /// <summary>Starts the first run and waits until it serves.</summary>
    public Task StartAsync() => StartRunAsync();

    /// <summary>Kills the current run with SIGKILL and starts the next one; returns when it serves HTTP.</summary>
    public async Task KillAndRestartAsync()
    {
        StandaloneRun killed;
        lock (_gate)
        {
            killed = _current ?? throw new InvalidOperationException("Nothing runs.");
            _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        await killed.Process.KillAsync();
        log($"killed run {killed.Generation} (pid {killed.Process.Id})");
        killed.Dispose();
        await StartRunAsync(measure: true);
    }

    /// <summary>
    /// Sends a request built by <paramref name="send"/> (as <paramref name="staffId"/> or with a partner's
    /// API key) to the run that serves now. When the run dies under it, waits for the next one and asks
    /// <paramref name="applied"/> whether the command took effect before the kill (a command without an
    /// idempotency key must not be sent twice); <see langword="null"/> when it did.
    /// </summary>
    public async Task<HttpResponseMessage?> SendAsync(
        Func<HttpClient, Task<HttpResponseMessage>> send, Func<Task<bool>>? applied = null, string? staffId = null, string? apiKey = null)
    {
        while (true)
        {
            var run = await ServingAsync();
            using var client = run.Client(staffId, apiKey);
            try
            {
                return await send(client);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _interrupted);
                await NextRunAsync(run);
                if (applied is not null && await applied())
                {
                    Interlocked.Increment(ref _foundApplied);
                    return null;
                }
            }
        }
    }

    /// <summary>The run that serves now (waits while one is being started).</summary>
    public Task<StandaloneRun> ServingAsync()
    {
        lock (_gate)
        {
            return _serving.Task;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current?.Dispose();
            _current = null;
        }
    }

    /// <summary>The process output of the run that serves now, for a failure message.</summary>
    public string Output()
    {
        lock (_gate)
        {
            return _current?.Process.Output() ?? string.Empty;
        }
    }

    private async Task NextRunAsync(StandaloneRun died)
    {
        using var timeout = new CancellationTokenSource(StartTimeout * 2);
        while (true)
        {
            var run = await ServingAsync().WaitAsync(timeout.Token);
            if (run.Generation > died.Generation)
            {
                return;
            }

            if (!died.Process.HasExited)
            {
                throw new InvalidOperationException("A call failed while Kim was running:\n" + died.Process.Output());
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }

    private async Task StartRunAsync(bool measure = false)
    {
        var started = Stopwatch.StartNew();
        var startedAt = DateTimeOffset.UtcNow;
        var generation = Interlocked.Increment(ref _generation);
        var logPath = Path.Combine(Path.GetTempPath(), $"kim-{taskHub}-run{generation}.log");
        var process = StandaloneProcess.Start(storage, taskHub, logPath);
        var run = new StandaloneRun(process, generation);
        await process.WaitUntilServingAsync(StartTimeout);
        var serving = started.Elapsed.TotalSeconds;
        lock (_gate)
        {
            _current = run;
            _serving.TrySetResult(run);
        }

        log($"run {run.Generation} (pid {process.Id}) serves {serving:F1} s after its start; its output: {logPath}");
        if (measure)
        {
            _ = MeasureOwnershipAsync(run, startedAt, started, serving);
        }
    }

    /// <summary>
    /// Records when the new run took the partition lease over (claimed or renewed it after its
    /// start): until then no orchestration moves. Stops when the next run replaced this one.
    /// </summary>
    private async Task MeasureOwnershipAsync(StandaloneRun run, DateTimeOffset startedAt, Stopwatch started, double serving)
    {
        while (Volatile.Read(ref _generation) == run.Generation)
        {
            try
            {
                if (await TaskHub.LeaseTakenSinceAsync(startedAt))
                {
                    lock (Restarts)
                    {
                        Restarts.Add((serving, started.Elapsed.TotalSeconds));
                    }

                    log($"run {run.Generation} owns the partition {started.Elapsed.TotalSeconds:F1} s after the kill");
                    return;
                }
            }
            catch (Azure.RequestFailedException)
            {
                // Azurite is busy; look again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        log($"run {run.Generation} was killed before it owned the partition");
    }
}
