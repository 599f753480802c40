using System.Diagnostics;
using System.Globalization;
using Kim.Testing;

namespace Kim.Bench;

/// <summary>
/// Idle storage requests per minute of the Standalone app (Kim's clients + the task hub's) with
/// <c>cases</c> open cases whose case clocks wait on far timers, against the same app with no case
/// as the baseline, at the default MaxQueuePollingInterval (30 s) and the tester's (1 s). The cases
/// are seeded once on an app at 1 s; the 30 s app then runs on the same task hub and records.
/// </summary>
public static class IdleRequests
{
    private static readonly TimeSpan Default = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Tester = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(AzuriteFixture azurite, int cases, TimeSpan window)
    {
        Report.Header($"Idle storage requests per minute ({cases:N0} open cases vs none; {window.TotalSeconds:0} s per figure)");
        var empty = new Dictionary<TimeSpan, Traffic.Rate>();
        foreach (var polling in new[] { Default, Tester })
        {
            await using var app = new BenchApp(azurite, BenchApp.NewTaskHubName(), polling);
            empty[polling] = await Traffic.IdleAsync(app.Requests, window);
            Report.Figure($"0 cases, polling {polling.TotalSeconds:0} s", PerMinute(empty[polling]), Split(empty[polling]) + "; baseline");
        }

        var hub = BenchApp.NewTaskHubName();
        await using (var seeding = new BenchApp(azurite, hub, Tester))
        {
            await Task.Delay(Traffic.WarmUp);
            var (_, elapsed) = await CaseSeeder.OpenAsync(seeding.Workflows, "idle", cases, startClearing: false);
            var settling = Stopwatch.StartNew();
            await Traffic.UntilQuietAsync(seeding.Requests, empty[Tester], TimeSpan.FromMinutes(60));
            Report.Figure(
                $"  seeding {cases:N0} cases (records + case clocks)",
                string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0} s"),
                string.Create(CultureInfo.InvariantCulture, $"{cases / elapsed.TotalSeconds:0.0} cases/s; the task hub's backlog quiet {settling.Elapsed.TotalSeconds:0} s later"));
            await Print(seeding, cases, window, empty[Tester]);
        }

        await using var restarted = new BenchApp(azurite, hub, Default);
        await Task.Delay(Traffic.WarmUp);
        await Print(restarted, cases, window, empty[Default]);
    }

    private static async Task Print(BenchApp app, int cases, TimeSpan window, Traffic.Rate baseline)
    {
        var rate = await Traffic.MeasureAsync(app.Requests, window);
        Report.Figure(
            string.Create(CultureInfo.InvariantCulture, $"{cases:N0} cases, polling {app.MaxQueuePollingInterval.TotalSeconds:0} s"),
            PerMinute(rate),
            string.Create(CultureInfo.InvariantCulture, $"{Split(rate)}; {rate.Total / Math.Max(baseline.Total, 1e-9):0.00}x baseline"));
    }

    private static string PerMinute(Traffic.Rate rate) => string.Create(CultureInfo.InvariantCulture, $"{rate.Total * 60:0} requests/min");

    private static string Split(Traffic.Rate rate) => string.Create(CultureInfo.InvariantCulture, $"Kim {rate.Kim * 60:0} + task hub {rate.TaskHub * 60:0}");
}
