using Kim.Testing.Runtime;

namespace Kim.Core.Tests.Runtime;

/// <summary>The runtime contract on the in-memory store and queue, with production timings on the fake clock.</summary>
public sealed class InMemoryRuntimeContractTests : WorkflowRuntimeContract
{
    protected override TimeSpan QuietPeriod => TimeSpan.Zero;

    protected override (int Instances, int Events) ConcurrencyScale => (200, 20);

    protected override Task<RuntimeBackend> CreateBackendAsync() =>
        Task.FromResult(new RuntimeBackend(new InMemoryInstanceStore(), new InMemoryWorkQueue(Clock), new InMemoryWorkQueue(Clock)));
}
