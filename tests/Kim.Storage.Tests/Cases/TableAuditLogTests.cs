using Azure.Data.Tables;
using Kim.Core.Cases;
using Kim.Core.Storage.Cases;
using Kim.Testing;
using static Kim.Storage.Tests.StorageTestKit;

namespace Kim.Storage.Tests.Cases;

[Collection(AzuriteCollection.Name)]
public sealed class TableAuditLogTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 30_000)]
    public async Task Entries_of_a_case_come_back_in_append_order_apart_from_other_cases_and_the_chains_hold()
    {
        var (log, _) = await NewLogAsync();

        await log.RecordAsync(Entry("c-1", T0.AddMinutes(5), "download", "document:d-1"), Timeout());
        await log.RecordAsync(Entry("c-1", T0, "read", "case"), Timeout());
        await log.RecordAsync(new AuditEntry("c-2", T0, "cm-iserlohn", "read", "case", "mk"), Timeout());

        var entries = await log.ReadAsync("c-1", Timeout()).ToListAsync();

        Assert.Equal(["download", "read"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("cm-menden", e.Actor));
        var verification = await log.VerifyAsync("mk", null, Timeout());
        Assert.True(verification.Intact);
        Assert.Equal(2, verification.Chains);
        Assert.Equal(3, verification.Entries);
    }

    [Fact(Timeout = 60_000)]
    public async Task Concurrent_appends_to_one_chain_each_get_their_own_place_and_the_chain_holds()
    {
        var (log, _) = await NewLogAsync();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => log.RecordAsync(Entry("c-1", T0.AddSeconds(i), "read", $"case:{i}"), Timeout())));

        var entries = await log.ReadAsync("c-1", Timeout()).ToListAsync();
        Assert.Equal(12, entries.Count);
        Assert.Equal(12, entries.Select(e => e.Target).Distinct().Count());
        Assert.Null((await log.VerifyAsync("mk", "c-1", Timeout())).FirstBroken);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_index_lists_a_district_by_period_and_person_page_by_page()
    {
        var (log, _) = await NewLogAsync();
        for (var i = 0; i < 5; i++)
        {
            await log.RecordAsync(new AuditEntry($"c-{i}", T0.AddHours(i * 12), i % 2 == 0 ? "cm-menden" : "admin-mk", "read", "case", "mk"), Timeout());
        }

        await log.RecordAsync(new AuditEntry("c-other", T0, "cm-x", "read", "case", "hsk"), Timeout());

        var all = new List<AuditRecord>();
        string? token = null;
        do
        {
            var (records, next) = await log.QueryAsync(new AuditQuery("mk", null, null, T0, T0.AddDays(3), token, 2), Timeout());
            all.AddRange(records);
            token = next;
        }
        while (token is not null);

        Assert.Equal(["c-0", "c-1", "c-2", "c-3", "c-4"], all.Select(r => r.Entry.CaseId));
        var (menden, _) = await log.QueryAsync(new AuditQuery("mk", null, "cm-menden", T0.AddHours(1), T0.AddDays(3), null, 100), Timeout());
        Assert.Equal(["c-2", "c-4"], menden.Select(r => r.Entry.CaseId));
        await Assert.ThrowsAsync<ArgumentException>(() => log.QueryAsync(new AuditQuery("mk", null, null, T0, T0, "!!", 10), Timeout()));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("change", 2)]
    [InlineData("delete", 2)]
    [InlineData("reorder", 2)]
    [InlineData("cut-off", 3)]
    public async Task Tampering_with_a_stored_entry_is_found_at_the_first_broken_link(string tampering, long brokenAt)
    {
        var (log, table) = await NewLogAsync();
        for (var i = 1; i <= 3; i++)
        {
            await log.RecordAsync(Entry("c-1", T0.AddMinutes(i), "read", $"case:{i}"), Timeout());
        }

        await AuditTampering.TamperAsync(table, "c-1", tampering, Timeout());

        var broken = (await log.VerifyAsync("mk", null, Timeout())).FirstBroken;
        Assert.NotNull(broken);
        Assert.Equal("c-1", broken.ChainId);
        Assert.Equal(brokenAt, broken.Sequence);
    }

    private static AuditEntry Entry(string caseId, DateTimeOffset at, string action, string target) =>
        new(caseId, at, "cm-menden", action, target, "mk", "GET /api/cases/{caseId}");

    private async Task<(TableAuditLog Log, TableClient Table)> NewLogAsync()
    {
        var table = Tables(azurite).GetTableClient(UniqueName("audit"));
        await table.CreateIfNotExistsAsync(Timeout());
        return (new TableAuditLog(table), table);
    }
}
