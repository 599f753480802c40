namespace Kim.Bench;

/// <summary>An app's storage traffic over time: its idle rate, and waiting until it is back to idle.</summary>
public static class Traffic
{
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(5);

    /// <summary>Consecutive quiet windows that count as settled: one alone can fall into a lull of a backlog still being worked off.</summary>
    private const int QuietWindows = 3;

    /// <summary>How long a freshly started app takes to settle: the backend starts, claims its partitions and backs its polling off.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(40);

    /// <summary>The idle rate of an app that has just started: waits <see cref="WarmUp"/>, then measures over <paramref name="window"/>.</summary>
    public static async Task<Rate> IdleAsync(StorageRequests requests, TimeSpan window)
    {
        await Task.Delay(WarmUp);
        return await MeasureAsync(requests, window);
    }

    /// <summary>Requests per second of Kim's clients and of the task hub's, over <paramref name="duration"/>.</summary>
    public static async Task<Rate> MeasureAsync(StorageRequests requests, TimeSpan duration)
    {
        var before = requests.Take();
        await Task.Delay(duration);
        var after = requests.Take();
        var seconds = (after.At - before.At).TotalSeconds;
        return new Rate((after.Kim - before.Kim) / seconds, (after.TaskHub - before.TaskHub) / seconds);
    }

    /// <summary>
    /// Waits until three 5 s windows in a row hold no more requests than the idle rate predicts (with
    /// slack for the polling back-off after work): the orchestrations the operations woke have settled.
    /// </summary>
    /// <exception cref="TimeoutException">Not quiet within <paramref name="limit"/>.</exception>
    public static async Task UntilQuietAsync(StorageRequests requests, Rate idle, TimeSpan limit)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        var quiet = 0;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var before = requests.Total;
            await Task.Delay(QuietWindow);
            quiet = requests.Total - before <= (idle.Total * QuietWindow.TotalSeconds * 1.5) + 3 ? quiet + 1 : 0;
            if (quiet == QuietWindows)
            {
                return;
            }
        }

        throw new TimeoutException($"The app's storage traffic did not settle within {limit}.");
    }

    /// <summary>Requests per second.</summary>
    public sealed record Rate(double Kim, double TaskHub)
    {
        public double Total => Kim + TaskHub;
    }
}
