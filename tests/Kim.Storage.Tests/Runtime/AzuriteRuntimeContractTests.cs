using Kim.Core.Runtime;
using Kim.Core.Storage.Runtime;
using Kim.Testing;
using Kim.Testing.Runtime;

namespace Kim.Storage.Tests.Runtime;

/// <summary>
/// The runtime contract on Azure Table and Queue Storage (Azurite), with fresh tables and queues per
/// test. Queue visibility runs on the real clock here, so the longest timer hop and the retry delays
/// are shortened to a second or less; the fake clock still decides when a timer is due.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteRuntimeContractTests(AzuriteFixture azurite) : WorkflowRuntimeContract
{
    public RequestCountingPolicy TableRequests { get; } = new();

    protected override TimeSpan QuietPeriod => TimeSpan.FromSeconds(1.5);

    protected override (int Instances, int Events) ConcurrencyScale => (200, 20);

    protected override void Tune(WorkflowRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.LongestTimerHop = TimeSpan.FromSeconds(1);
        options.OrphanRecheckDelay = TimeSpan.FromSeconds(1);
        options.ActionRetryDelay = TimeSpan.Zero;
        options.FailedMessageRetryDelay = TimeSpan.Zero;
        options.SuspendedRecheckDelay = TimeSpan.FromSeconds(1);
        options.VisibilityTimeout = TimeSpan.FromSeconds(30);
    }

    protected override async Task<RuntimeBackend> CreateBackendAsync()
    {
        var tables = StorageTestKit.Tables(azurite, TableRequests);
        var queues = StorageTestKit.Queues(azurite);
        var instances = tables.GetTableClient(StorageTestKit.UniqueName("inst"));
        var index = tables.GetTableClient(StorageTestKit.UniqueName("idx"));
        var work = queues.GetQueueClient(StorageTestKit.UniqueName("work-"));
        var poison = queues.GetQueueClient(StorageTestKit.UniqueName("poison-"));
        await instances.CreateIfNotExistsAsync(Ct);
        await index.CreateIfNotExistsAsync(Ct);
        await work.CreateIfNotExistsAsync(cancellationToken: Ct);
        await poison.CreateIfNotExistsAsync(cancellationToken: Ct);
        return new RuntimeBackend(new TableInstanceStore(instances, index), new QueueWorkQueue(work), new QueueWorkQueue(poison));
    }

    [Fact(Timeout = 150_000)]
    public async Task An_idle_instance_sends_no_table_request_between_timer_hops()
    {
        await Client.StartAsync("idle", TimerWorkflow.WorkflowName, Json(new { days = 30 }), "cm-1", Ct);
        await PumpAsync();
        TableRequests.Reset();

        await AdvanceAsync(TimeSpan.FromDays(10));
        await AdvanceAsync(TimeSpan.FromDays(10));

        Assert.Equal(0, TableRequests.Count);
        await AdvanceAsync(TimeSpan.FromDays(11));
        Assert.Single((await GetAsync("idle")).StateAs<TimerWorkflow.State>()!.FiredAt);
        Assert.InRange(TableRequests.Count, 1, 20);
    }
}
