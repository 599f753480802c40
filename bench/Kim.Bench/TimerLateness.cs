using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Kim.Core;
using Kim.Core.Workflows;
using Kim.Testing;

namespace Kim.Bench;

/// <summary>
/// How late timers act: <c>timers</c> follow-ups due at instants spread over one minute, each on its
/// own case, at the default MaxQueuePollingInterval (30 s) and the tester's (1 s). Lateness is the
/// time of the timer's event in the case's history (when FireTimerActivity applied it) minus its
/// due time. Baseline in the same run: a plain .NET timer (<see cref="Task.Delay(TimeSpan)"/>) in
/// this process waiting for the same instants. The follow-ups are added once the traffic of the
/// seeded cases has settled (<see cref="Traffic.UntilQuietAsync"/>), so that the figure is the
/// timers' own and not the seeding's backlog.
/// </summary>
public static class TimerLateness
{
    private static readonly TimeSpan Spread = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(20);

    public static async Task RunAsync(AzuriteFixture azurite, int timers)
    {
        Report.Header($"Timer lateness ({timers} follow-ups due within one minute)");
        foreach (var polling in new[] { TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1) })
        {
            await using var app = new BenchApp(azurite, BenchApp.NewTaskHubName(), polling);
            var idle = await Traffic.IdleAsync(app.Requests, IdleWindow);
            var prefix = "t" + polling.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "x";
            var (cases, elapsed) = await CaseSeeder.OpenAsync(app.Workflows, prefix, timers, startClearing: true);

            // The timers are scheduled on a quiet app: the case clocks the seeding started have settled.
            var settling = Stopwatch.StartNew();
            await Traffic.UntilQuietAsync(app.Requests, idle, TimeSpan.FromMinutes(30));
            Report.Figure(
                $"  seeding {timers} cases, polling {polling.TotalSeconds:0} s",
                string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0} s"),
                string.Create(CultureInfo.InvariantCulture, $"quiet {settling.Elapsed.TotalSeconds:0} s later; then the follow-ups are added"));

            // Adding a follow-up costs about half of opening a case (one command instead of two): the first is due after all are added.
            var first = DateTimeOffset.UtcNow + (elapsed / 2) + TimeSpan.FromSeconds(20);
            var dues = cases.Select((_, i) => first + (Spread * i / timers)).Select(d => d.AddTicks(-(d.Ticks % TimeSpan.TicksPerMillisecond))).ToList();
            var baseline = Task.WhenAll(dues.Select(DotNetLatenessAsync));
            var addedLate = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, timers), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                var payload = KimJson.ToElement(new { dueAt = dues[i].ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture), note = "Rückruf" });
                CaseSeeder.Applied(await app.Workflows.RaiseEventAsync(cases[i], CaseEvents.AddFollowUp, payload, "cm-luedenscheid", cancellationToken: ct), cases[i]);
                if (DateTimeOffset.UtcNow > dues[i])
                {
                    Interlocked.Increment(ref addedLate);
                }
            });

            var lateness = await DurableLatenessAsync(app, cases, dues, dues[^1] + polling + TimeSpan.FromMinutes(3));
            var dotNet = await baseline;
            Report.Figure($"  .NET timer in-process (polling {polling.TotalSeconds:0} s run)", Percentiles(dotNet), "baseline");
            Report.Figure(
                $"follow-up timers, polling {polling.TotalSeconds:0} s",
                Percentiles(lateness.Values.ToList()),
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"p99 {Percentile(lateness.Values.ToList(), 0.99) / Math.Max(Percentile(dotNet, 0.99), 1):0}x baseline; {lateness.Count}/{timers} fired; {addedLate} added after their due time; max {lateness.Values.DefaultIfEmpty(0).Max() / 1000:0.0} s"));
        }
    }

    private static async Task<double> DotNetLatenessAsync(DateTimeOffset due)
    {
        var wait = due - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        return (DateTimeOffset.UtcNow - due).TotalMilliseconds;
    }

    /// <summary>Reads each case's history once its timer should have fired, again for those that had not, until <paramref name="deadline"/>.</summary>
    private static async Task<ConcurrentDictionary<string, double>> DurableLatenessAsync(BenchApp app, IReadOnlyList<string> cases, IReadOnlyList<DateTimeOffset> dues, DateTimeOffset deadline)
    {
        var lateness = new ConcurrentDictionary<string, double>();
        var wait = dues[^1] + app.MaxQueuePollingInterval + TimeSpan.FromSeconds(5) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        while (true)
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count).Where(i => !lateness.ContainsKey(cases[i])), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                var history = await app.Workflows.GetHistoryAsync(cases[i], pageSize: 1000, cancellationToken: ct);
                if (history.Entries.FirstOrDefault(e => e.EventId.StartsWith("timer.followup:f-1.", StringComparison.Ordinal)) is { } fired)
                {
                    lateness[cases[i]] = (fired.At - dues[i]).TotalMilliseconds;
                }
            });
            if (lateness.Count == cases.Count || DateTimeOffset.UtcNow > deadline)
            {
                return lateness;
            }

            await Task.Delay(TimeSpan.FromSeconds(10));
        }
    }

    private static string Percentiles(IReadOnlyList<double> milliseconds) => string.Create(
        CultureInfo.InvariantCulture,
        $"p50 {Percentile(milliseconds, 0.5) / 1000:0.000} s, p99 {Percentile(milliseconds, 0.99) / 1000:0.000} s");

    /// <summary>Nearest-rank percentile; 0 for no values.</summary>
    private static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
