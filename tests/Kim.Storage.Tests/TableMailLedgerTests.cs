using Azure.Data.Tables;
using Kim.Core.Mail;
using Kim.Testing;
using static Kim.Storage.Tests.StorageTestKit;

namespace Kim.Storage.Tests;

/// <summary>The Table Storage ledger against the shared contract, on Azurite, each test on a table of its own.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableMailLedgerTests(AzuriteFixture azurite) : MailLedgerContract
{
    private TableClient? _table;

    protected override async Task<IMailLedger> CreateLedgerAsync()
    {
        _table = Tables(azurite).GetTableClient(UniqueName("ledger"));
        await _table.CreateIfNotExistsAsync(StorageTestKit.Timeout());
        return new TableMailLedger(_table);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_delivery_is_one_row_partitioned_by_kind_and_recipient_with_its_key_as_row_key()
    {
        var ledger = (TableMailLedger)await CreateLedgerAsync();
        var key = Notice(recipient: "O'Neil@Example.org");
        await ledger.TryClaimAsync(key, T0, TakeOver, StorageTestKit.Timeout());
        await ledger.RecordSentAsync(key, T0 + TimeSpan.FromSeconds(3), StorageTestKit.Timeout());

        var row = await _table!.GetEntityAsync<TableEntity>("deadline|o'neil@example.org", key.Value, cancellationToken: StorageTestKit.Timeout());

        Assert.Equal("sent", row.Value.GetString("State"));
        Assert.Equal(T0, row.Value.GetDateTimeOffset("ClaimedAt"));
        Assert.Equal(T0 + TimeSpan.FromSeconds(3), await ledger.SentAtAsync(key, StorageTestKit.Timeout()));
    }
}
