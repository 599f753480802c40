using Azure;
using Kim.Core.Storage;
using Kim.Testing;
using static Kim.Storage.Tests.StorageTestKit;

namespace Kim.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableClientTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync(RequestCountingPolicy? counter = null)
    {
        var service = new TableServiceClient(Account(azurite), Options(counter));
        var table = service.GetTableClient(UniqueName("t"));
        await table.CreateIfNotExistsAsync(Timeout());
        counter?.Reset();
        return table;
    }

    [Fact(Timeout = 30_000)]
    public async Task Create_if_missing_creates_once_and_accepts_an_existing_table()
    {
        var table = new TableServiceClient(Account(azurite), Options()).GetTableClient(UniqueName("t"));
        Assert.True(await table.CreateIfNotExistsAsync(Timeout()));
        Assert.False(await table.CreateIfNotExistsAsync(Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task Typed_properties_round_trip_as_the_same_clr_types()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)).AddTicks(1234567);
        var id = Guid.NewGuid();
        await table.AddEntityAsync(new TableEntity("p", "r")
        {
            { "Text", "o'neil" }, { "Int", 42 }, { "Long", 1L << 40 }, { "Double", 2.0 }, { "Flag", true },
            { "When", when }, { "Id", id }, { "Bytes", new byte[] { 0, 1, 255 } },
        }, Timeout());

        var read = (await table.GetEntityAsync("p", "r", cancellationToken: Timeout())).Value;

        Assert.Equal("o'neil", read.GetString("Text"));
        Assert.Equal(42, read.GetInt32("Int"));
        Assert.Equal(1L << 40, read.GetInt64("Long"));
        Assert.IsType<double>(read["Double"]);
        Assert.Equal(2.0, read.GetDouble("Double"));
        Assert.Equal(true, read.GetBoolean("Flag"));
        Assert.Equal(when, read.GetDateTimeOffset("When"));
        Assert.Equal(id, read.GetGuid("Id"));
        Assert.Equal(new byte[] { 0, 1, 255 }, read.GetBinary("Bytes"));
        Assert.NotEqual(default, read.ETag);
        Assert.NotNull(read.Timestamp);
    }

    [Fact(Timeout = 30_000)]
    public async Task Insert_of_an_existing_entity_fails_with_409()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"), Timeout());
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r"), Timeout()));
        Assert.Equal(409, e.Status);
        Assert.Equal("EntityAlreadyExists", e.ErrorCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task Upsert_merge_keeps_other_properties_and_upsert_replace_drops_them()
    {
        var table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { { "A", 1 }, { "B", 2 } }, TableUpdateMode.Merge, Timeout());
        await table.UpsertEntityAsync(new TableEntity("p", "r") { { "B", 3 } }, TableUpdateMode.Merge, Timeout());
        var merged = (await table.GetEntityAsync("p", "r", cancellationToken: Timeout())).Value;
        Assert.Equal(1, merged.GetInt32("A"));
        Assert.Equal(3, merged.GetInt32("B"));

        await table.UpsertEntityAsync(new TableEntity("p", "r") { { "B", 4 } }, TableUpdateMode.Replace, Timeout());
        var replaced = (await table.GetEntityAsync("p", "r", cancellationToken: Timeout())).Value;
        Assert.False(replaced.ContainsKey("A"));
        Assert.Equal(4, replaced.GetInt32("B"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Update_with_the_current_etag_succeeds_and_returns_a_new_etag()
    {
        var table = await NewTableAsync();
        var added = await table.AddEntityAsync(new TableEntity("p", "r") { { "A", 1 } }, Timeout());
        var etag = added.Headers.ETag!.Value;

        var updated = await table.UpdateEntityAsync(new TableEntity("p", "r") { { "A", 2 } }, etag, TableUpdateMode.Replace, Timeout());

        Assert.NotEqual(etag, updated.Headers.ETag!.Value);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r", cancellationToken: Timeout())).Value.GetInt32("A"));
    }

    [Theory(Timeout = 30_000)]
    [InlineData(TableUpdateMode.Replace)]
    [InlineData(TableUpdateMode.Merge)]
    public async Task Update_with_a_stale_etag_fails_with_412(TableUpdateMode mode)
    {
        var table = await NewTableAsync();
        var stale = (await table.AddEntityAsync(new TableEntity("p", "r") { { "A", 1 } }, Timeout())).Headers.ETag!.Value;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { { "A", 2 } }, TableUpdateMode.Replace, Timeout());

        var e = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "r") { { "A", 3 } }, stale, mode, Timeout()));

        Assert.Equal(412, e.Status);
        Assert.Equal("UpdateConditionNotSatisfied", e.ErrorCode);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r", cancellationToken: Timeout())).Value.GetInt32("A"));
    }

    [Fact(Timeout = 30_000)]
    public async Task Delete_with_a_stale_etag_fails_with_412_and_keeps_the_entity()
    {
        var table = await NewTableAsync();
        var stale = (await table.AddEntityAsync(new TableEntity("p", "r"), Timeout())).Headers.ETag!.Value;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { { "A", 2 } }, TableUpdateMode.Replace, Timeout());

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", stale, Timeout()));

        Assert.Equal(412, e.Status);
        Assert.NotNull(await table.GetEntityIfExistsAsync("p", "r", cancellationToken: Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task Delete_with_the_current_etag_removes_the_entity()
    {
        var table = await NewTableAsync();
        var etag = (await table.AddEntityAsync(new TableEntity("p", "r"), Timeout())).Headers.ETag!.Value;
        await table.DeleteEntityAsync("p", "r", etag, Timeout());
        Assert.Null(await table.GetEntityIfExistsAsync("p", "r", cancellationToken: Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task Point_read_of_a_missing_entity_throws_404_and_get_if_exists_returns_null()
    {
        var table = await NewTableAsync();
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("p", "missing", cancellationToken: Timeout()));
        Assert.Equal(404, e.Status);
        Assert.Equal("ResourceNotFound", e.ErrorCode);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "missing", cancellationToken: Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task Keys_with_quotes_and_spaces_round_trip()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("o'neil & co", "a b'c%d") { { "A", 1 } }, Timeout());
        var read = await table.GetEntityIfExistsAsync("o'neil & co", "a b'c%d", cancellationToken: Timeout());
        Assert.Equal(1, read!.GetInt32("A"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_key_with_a_slash_is_refused_before_sending()
    {
        var counter = new RequestCountingPolicy();
        var table = await NewTableAsync(counter);
        await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("a/b", "r"), Timeout()));
        Assert.Equal(0, counter.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task Query_with_top_5_over_12_entities_follows_continuation_over_three_pages()
    {
        var counter = new RequestCountingPolicy();
        var table = await NewTableAsync(counter);
        for (var i = 0; i < 12; i++)
        {
            await table.AddEntityAsync(new TableEntity("p", $"r{i:D2}") { { "N", i } }, Timeout());
        }

        await table.AddEntityAsync(new TableEntity("other", "r") { { "N", 99 } }, Timeout());
        counter.Reset();

        var pages = new List<Page<TableEntity>>();
        await foreach (var page in table.QueryAsync(TableFilter.Create($"PartitionKey eq {"p"}"), maxPerPage: 5, cancellationToken: Timeout()).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal([5, 5, 2], pages.Select(p => p.Values.Count));
        Assert.Equal(3, counter.Count);
        Assert.Equal(Enumerable.Range(0, 12), pages.SelectMany(p => p.Values).Select(e => e.GetInt32("N")!.Value));
    }

    [Fact(Timeout = 30_000)]
    public async Task Query_flattens_pages_and_applies_select()
    {
        var table = await NewTableAsync();
        for (var i = 0; i < 7; i++)
        {
            await table.AddEntityAsync(new TableEntity("p", $"r{i}") { { "N", i }, { "Extra", "x" } }, Timeout());
        }

        var all = new List<TableEntity>();
        await foreach (var e in table.QueryAsync(TableFilter.Create($"N ge {3}"), maxPerPage: 2, select: ["N"], cancellationToken: Timeout()))
        {
            all.Add(e);
        }

        Assert.Equal([3, 4, 5, 6], all.Select(e => e.GetInt32("N")!.Value));
        Assert.All(all, e => Assert.False(e.ContainsKey("Extra")));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_filter_value_that_looks_like_filter_syntax_stays_a_literal()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r1") { { "Name", "alice" } }, Timeout());
        await table.AddEntityAsync(new TableEntity("p", "r2") { { "Name", "x' or true or 'x" } }, Timeout());

        var hostile = "' or true or '";
        var none = await CollectAsync(table.QueryAsync(TableFilter.Create($"Name eq {hostile}"), cancellationToken: Timeout()));
        var exact = await CollectAsync(table.QueryAsync(TableFilter.Create($"Name eq {"x' or true or 'x"}"), cancellationToken: Timeout()));

        Assert.Empty(none);
        Assert.Equal("r2", Assert.Single(exact).RowKey);
    }

    private static async Task<List<T>> CollectAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
