using Kim.Bench;
using Kim.Testing;

// Kim's benchmark runner: figures and ratios against baselines measured in the same run, on an
// in-memory Azurite of its own (AzuriteFixture: free ports, --disableTelemetry). Azurite (single-threaded Node) bounds every storage figure.
var options = BenchOptions.Parse(args);
await using var azurite = new AzuriteFixture();
await azurite.InitializeAsync();
Console.WriteLine($"# Kim benchmarks ({string.Join(' ', args)}; {Environment.ProcessorCount} cores, .NET {Environment.Version}, started {DateTimeOffset.UtcNow:u})");
if (options.Runs("storage"))
{
    await StorageBenchmarks.RunAsync(azurite, options.Count);
}

if (options.Runs("records"))
{
    await RuntimeBenchmarks.RunAsync(azurite, options.Count);
}

if (options.Runs("operations"))
{
    await RequestsPerOperation.RunAsync(azurite, options.Operations);
}

if (options.Runs("idle"))
{
    await IdleRequests.RunAsync(azurite, options.Cases, options.IdleWindow);
}

if (options.Runs("timers"))
{
    await TimerLateness.RunAsync(azurite, options.Timers);
}
