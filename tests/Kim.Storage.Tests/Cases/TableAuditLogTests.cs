using Kim.Core.Cases;
using Kim.Core.Storage.Cases;
using Kim.Testing;
using static Kim.Storage.Tests.StorageTestKit;

namespace Kim.Storage.Tests.Cases;

[Collection(AzuriteCollection.Name)]
public sealed class TableAuditLogTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 30_000)]
    public async Task Entries_of_a_case_come_back_oldest_first_and_apart_from_other_cases()
    {
        var table = Tables(azurite).GetTableClient(UniqueName("audit"));
        await table.CreateIfNotExistsAsync(Timeout());
        var log = new TableAuditLog(table);
        var t0 = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

        await log.RecordAsync(new AuditEntry("c-1", t0.AddMinutes(5), "cm-menden", "download", "document:d-1"), Timeout());
        await log.RecordAsync(new AuditEntry("c-1", t0, "cm-menden", "read", "case"), Timeout());
        await log.RecordAsync(new AuditEntry("c-2", t0, "cm-iserlohn", "read", "case"), Timeout());

        var entries = await log.ReadAsync("c-1", Timeout()).ToListAsync();

        Assert.Equal(["read", "download"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("cm-menden", e.Actor));
        Assert.Equal(t0, entries[0].At);
    }
}
