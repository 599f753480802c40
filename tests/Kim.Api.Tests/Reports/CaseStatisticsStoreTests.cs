using Azure.Data.Tables;
using Kim.Core.Reports;
using Kim.Core.Storage;
using Kim.Testing;

namespace Kim.Api.Tests.Reports;

/// <summary>The statistics rows on Azurite: ordered by sequence, no row started for a case being deleted, forgetting is idempotent.</summary>
public sealed class CaseStatisticsStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CaseStatisticsRow Row(string ageBand) => new(
        "iserlohn", new DateOnly(2026, 11, 1), CaseStatisticsRow.Open, null, CaseStatisticsRow.CaseManagerSource, ageBand,
        CaseStatisticsRow.NotRecorded, [], [], [], [], null, null);

    [Fact]
    public async Task A_late_older_write_changes_nothing_and_a_forgotten_case_gets_no_new_row()
    {
        var tables = new TableServiceClient(azurite.ConnectionString);
        await tables.CreateTableIfNotExistsAsync(StorageNames.CaseStatisticsTable);
        await tables.CreateTableIfNotExistsAsync(StorageNames.CaseStatisticsKeysTable);
        var store = new CaseStatisticsStore(tables);

        await store.WriteAsync("c-store1", "mk", 5, mayCreate: true, rewrite: false, Row(AgeBands.From45To64), CancellationToken.None);
        await store.WriteAsync("c-store1", "mk", 4, mayCreate: true, rewrite: false, Row(AgeBands.Under18), CancellationToken.None);
        await store.WriteAsync("c-store1", "mk", 5, mayCreate: true, rewrite: false, Row(AgeBands.Under18), CancellationToken.None);
        await store.ForgetAsync("c-store1", CancellationToken.None);
        await store.ForgetAsync("c-store1", CancellationToken.None);
        await store.WriteAsync("c-store1", "mk", 6, mayCreate: false, rewrite: false, Row(AgeBands.Under18), CancellationToken.None);
        await store.WriteAsync("c-store2", "mk", 1, mayCreate: false, rewrite: true, Row(AgeBands.Under18), CancellationToken.None);

        var rows = await store.ReadAsync("mk", CancellationToken.None);
        var keys = new List<string>();
        await foreach (var entity in tables.GetTableClient(StorageNames.CaseStatisticsTable).QueryAsync<TableEntity>())
        {
            keys.Add(entity.RowKey);
        }

        Assert.Equal(AgeBands.From45To64, Assert.Single(rows).AgeBand);
        Assert.DoesNotContain(keys, k => k.Contains("c-store", StringComparison.Ordinal));
        Assert.Empty(await store.ReadAsync("so", CancellationToken.None));
    }
}
