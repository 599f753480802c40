using System.Globalization;
using Kim.Bench;
using Kim.Testing;

// Kim's benchmark runner: figures and ratios against baselines measured in the same run, on an
// in-memory Azurite of its own (AzuriteFixture: free ports, --disableTelemetry). Azurite (single-threaded Node) bounds every storage figure.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
await using var azurite = new AzuriteFixture();
await azurite.InitializeAsync();
Console.WriteLine($"# Kim benchmarks ({count} operations per figure, {Environment.ProcessorCount} cores, .NET {Environment.Version})");
await StorageBenchmarks.RunAsync(azurite, count);
await RuntimeBenchmarks.RunAsync(azurite, count);
