using System.Globalization;

namespace Kim.Bench;

/// <summary>
/// The runner's arguments (scripts/bench.sh passes them on; docs/performance.md lists them):
/// <c>--only storage,records,operations,idle,timers</c> selects scenarios (default all),
/// <c>--count N</c> operations per client figure (default 300; a bare number means the same),
/// <c>--ops N</c> operations per app figure (default 50), <c>--cases N</c> open cases of the idle
/// figure (default 10,000), <c>--timers N</c> timers of the lateness figure (default 500),
/// <c>--window S</c> seconds of each idle measurement (default 60).
/// </summary>
public sealed record BenchOptions(
    IReadOnlySet<string> Scenarios, int Count, int Operations, int Cases, int Timers, TimeSpan IdleWindow)
{
    public static readonly string[] AllScenarios = ["storage", "records", "operations", "idle", "timers"];

    public bool Runs(string scenario) => Scenarios.Contains(scenario);

    /// <exception cref="ArgumentException">An argument is unknown or not a positive number.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(new HashSet<string>(AllScenarios), 300, 50, 10_000, 500, TimeSpan.FromSeconds(60));
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            options = args[i] switch
            {
                "--only" => options with { Scenarios = Scenario(value) },
                "--count" => options with { Count = Positive(args[i], value) },
                "--ops" => options with { Operations = Positive(args[i], value) },
                "--cases" => options with { Cases = Positive(args[i], value) },
                "--timers" => options with { Timers = Positive(args[i], value) },
                "--window" => options with { IdleWindow = TimeSpan.FromSeconds(Positive(args[i], value)) },
                var bare when int.TryParse(bare, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0 =>
                    options with { Count = count },
                var other => throw new ArgumentException($"Unknown argument '{other}'. See docs/performance.md."),
            };
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                i++;
            }
        }

        return options;
    }

    private static HashSet<string> Scenario(string? value)
    {
        var chosen = (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var unknown = chosen.Except(AllScenarios).ToList();
        return chosen.Count > 0 && unknown.Count == 0
            ? chosen
            : throw new ArgumentException($"--only takes some of {string.Join(',', AllScenarios)}.");
    }

    private static int Positive(string name, string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} takes a positive number.");
}
