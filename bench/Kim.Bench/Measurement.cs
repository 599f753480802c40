using System.Diagnostics;

namespace Kim.Bench;

/// <summary>One figure of a benchmark: operations per second and bytes allocated per operation.</summary>
public sealed record Measurement(string Name, int Operations, TimeSpan Elapsed, long AllocatedBytes)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    public double AllocatedPerOperation => (double)AllocatedBytes / Operations;

    /// <summary>Runs <paramref name="operation"/> <paramref name="count"/> times, one after another.</summary>
    public static async Task<Measurement> RunAsync(string name, int count, Func<int, Task> operation)
    {
        await operation(-1); // warm-up: JIT, connection pool
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await operation(i);
        }

        watch.Stop();
        return new Measurement(name, count, watch.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }
}
