using System.Text.Json;
using Azure.Data.Tables;
using Kim.Core.Records;
using Kim.Core.Storage.Records;
using Kim.Testing;
using static Kim.Storage.Tests.StorageTestKit;

namespace Kim.Storage.Tests.Records;

/// <summary>The instance store's optimistic concurrency and all-or-nothing commits, on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableInstanceStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private async Task<TableInstanceStore> NewStoreAsync()
    {
        var tables = Tables(azurite);
        var instances = tables.GetTableClient(UniqueName("inst"));
        var index = tables.GetTableClient(UniqueName("idx"));
        await instances.CreateIfNotExistsAsync(Timeout());
        await index.CreateIfNotExistsAsync(Timeout());
        return new TableInstanceStore(instances, index);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_commit_with_a_stale_etag_is_our_conflict_and_writes_nothing()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync([new InstanceWrite(Instance(1, etag: null), [History(1, "e1")])], Timeout());
        var first = (await store.GetAsync("case-1", Timeout()))!;
        await store.CommitAsync([new InstanceWrite(Instance(2, first.ETag), [History(2, "e2")])], Timeout());

        var e = await Assert.ThrowsAsync<InstanceConflictException>(
            () => store.CommitAsync([new InstanceWrite(Instance(3, first.ETag), [History(3, "e3")])], Timeout()));

        var failed = Assert.IsType<TableTransactionFailedException>(e.InnerException);
        Assert.Equal(412, failed.Status);
        Assert.Equal(0, failed.FailedTransactionActionIndex);
        Assert.Equal(2, (await store.GetAsync("case-1", Timeout()))!.Sequence);
        Assert.Null(await store.GetHistoryEntryAsync("case-1", 3, Timeout()));
        Assert.Null(await store.GetAppliedSequenceAsync("case-1", "e3", Timeout()));
        Assert.Equal(2, await store.GetAppliedSequenceAsync("case-1", "e2", Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_commit_whose_last_operation_fails_writes_none_of_the_earlier_ones()
    {
        var store = await NewStoreAsync();
        await store.CommitAsync([new InstanceWrite(Instance(1, etag: null), [History(1, "e1")])], Timeout());
        var current = (await store.GetAsync("case-1", Timeout()))!;

        // The instance update (0) and the history row (1) are valid; the dedup marker of e1 (2) exists.
        var e = await Assert.ThrowsAsync<InstanceConflictException>(
            () => store.CommitAsync([new InstanceWrite(Instance(2, current.ETag), [History(2, "e1")])], Timeout()));

        var failed = Assert.IsType<TableTransactionFailedException>(e.InnerException);
        Assert.Equal(409, failed.Status);
        Assert.Equal(2, failed.FailedTransactionActionIndex);
        var after = (await store.GetAsync("case-1", Timeout()))!;
        Assert.Equal((1L, current.ETag), (after.Sequence, after.ETag));
        Assert.Null(await store.GetHistoryEntryAsync("case-1", 2, Timeout()));
    }

    private static InstanceRecord Instance(long sequence, string? etag) => new()
    {
        InstanceId = "case-1",
        Workflow = "test",
        Version = 1,
        Status = WorkflowStatus.Running,
        CreatedAt = T0,
        UpdatedAt = T0.AddMinutes(sequence),
        Sequence = sequence,
        ETag = etag,
    };

    private static HistoryEntry History(long sequence, string eventId) =>
        new("case-1", sequence, eventId, "test", "cm-1", T0.AddMinutes(sequence), JsonSerializer.SerializeToElement(new { sequence }));
}
