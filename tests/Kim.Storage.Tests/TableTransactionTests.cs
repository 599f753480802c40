using Azure;
using Kim.Core.Storage;
using Kim.Testing;
using static Kim.Storage.Tests.StorageTestKit;

namespace Kim.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableTransactionTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync(RequestCountingPolicy? counter = null)
    {
        var table = new TableServiceClient(Account(azurite), Options(counter)).GetTableClient(UniqueName("t"));
        await table.CreateIfNotExistsAsync(Timeout());
        counter?.Reset();
        return table;
    }

    [Fact(Timeout = 30_000)]
    public async Task A_transaction_commits_every_kind_of_action_in_one_request()
    {
        var counter = new RequestCountingPolicy();
        var table = await NewTableAsync(counter);
        await table.AddEntityAsync(new TableEntity("p", "merge") { { "A", 1 }, { "B", 1 } }, Timeout());
        var replaceEtag = (await table.AddEntityAsync(new TableEntity("p", "replace") { { "A", 1 }, { "B", 1 } }, Timeout())).Headers.ETag!.Value;
        await table.AddEntityAsync(new TableEntity("p", "delete"), Timeout());
        await table.AddEntityAsync(new TableEntity("p", "upsertmerge") { { "A", 1 } }, Timeout());
        counter.Reset();

        var results = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "add") { { "A", 7L } }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upsertreplace") { { "A", 2 } }),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "upsertmerge") { { "B", 2 } }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "merge") { { "B", 2 } }),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "replace") { { "B", 2 } }, replaceEtag),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
        ], Timeout());

        Assert.Equal(1, counter.Count);
        Assert.Equal(6, results.Count);
        Assert.All(results, r => Assert.Equal(204, r.Status));
        Assert.Equal(7L, (await table.GetEntityAsync("p", "add", cancellationToken: Timeout())).Value.GetInt64("A"));
        Assert.Equal(2, (await table.GetEntityAsync("p", "upsertreplace", cancellationToken: Timeout())).Value.GetInt32("A"));
        var upsertMerged = (await table.GetEntityAsync("p", "upsertmerge", cancellationToken: Timeout())).Value;
        Assert.Equal((1, 2), (upsertMerged.GetInt32("A"), upsertMerged.GetInt32("B")));
        var merged = (await table.GetEntityAsync("p", "merge", cancellationToken: Timeout())).Value;
        Assert.Equal((1, 2), (merged.GetInt32("A"), merged.GetInt32("B")));
        var replaced = (await table.GetEntityAsync("p", "replace", cancellationToken: Timeout())).Value;
        Assert.False(replaced.ContainsKey("A"));
        Assert.Null(await table.GetEntityIfExistsAsync("p", "delete", cancellationToken: Timeout()));
        Assert.Equal(replaced.ETag, results[4].ETag);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_transaction_whose_second_operation_conflicts_writes_nothing_and_reports_index_1()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "exists"), Timeout());

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "new1")),
            new(TableTransactionActionType.Add, new TableEntity("p", "exists")),
            new(TableTransactionActionType.Add, new TableEntity("p", "new2")),
        ], Timeout()));

        Assert.Equal(1, e.FailedIndex);
        Assert.Equal(409, e.Status);
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "new1", cancellationToken: Timeout()));
        Assert.Null(await table.GetEntityIfExistsAsync("p", "new2", cancellationToken: Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_transaction_with_a_stale_etag_fails_with_412_at_its_index()
    {
        var table = await NewTableAsync();
        var stale = (await table.AddEntityAsync(new TableEntity("p", "a") { { "A", 1 } }, Timeout())).Headers.ETag!.Value;
        await table.UpsertEntityAsync(new TableEntity("p", "a") { { "A", 2 } }, TableUpdateMode.Replace, Timeout());

        var e = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "b")),
            new(TableTransactionActionType.Add, new TableEntity("p", "c")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "a") { { "A", 3 } }, stale),
        ], Timeout()));

        Assert.Equal(412, e.Status);
        Assert.Equal(2, e.FailedIndex);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "b", cancellationToken: Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_cross_partition_transaction_is_refused_before_it_is_sent()
    {
        var counter = new RequestCountingPolicy();
        var table = await NewTableAsync(counter);

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p1", "a")),
            new(TableTransactionActionType.Add, new TableEntity("p2", "b")),
        ], Timeout()));

        Assert.Equal(0, counter.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_transaction_of_more_than_100_operations_is_refused_before_it_is_sent()
    {
        var counter = new RequestCountingPolicy();
        var table = await NewTableAsync(counter);
        var actions = Enumerable.Range(0, 101)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}")));

        var e = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(actions, Timeout()));

        Assert.Contains("100", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, counter.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_transaction_of_exactly_100_operations_commits()
    {
        var table = await NewTableAsync();
        var actions = Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i:D3}") { { "N", i } }));

        var results = await table.SubmitTransactionAsync(actions, Timeout());

        Assert.Equal(100, results.Count);
        var count = 0;
        await foreach (var _ in table.QueryAsync(cancellationToken: Timeout()))
        {
            count++;
        }

        Assert.Equal(100, count);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_transaction_naming_one_row_twice_is_refused_before_it_is_sent()
    {
        var counter = new RequestCountingPolicy();
        var table = await NewTableAsync(counter);

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.Delete, new TableEntity("p", "a")),
        ], Timeout()));

        Assert.Equal(0, counter.Count);
    }
}
