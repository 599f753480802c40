using Azure.Data.Tables;
using Kim.Api.Access;
using Kim.Core.Storage;
using Kim.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Api.Tests.Access;

/// <summary>The directory on Azurite's Table Storage: point lookups by each key, and an idempotent seed.</summary>
public sealed class TableAccessDirectoryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken None => CancellationToken.None;

    [Fact(Timeout = 30_000)]
    public async Task Staff_are_found_by_id_and_object_id_and_listed_by_district_municipality_and_role()
    {
        var directory = await NewDirectoryAsync();
        await DemoData.SeedAsync(directory, None);
        var linked = DemoData.Staff[0] with { ObjectId = "8F2A6C1E-0000-4000-8000-000000000001" };
        await directory.UpsertStaffAsync(linked, None);

        Assert.Equal(linked, await directory.FindStaffAsync("cm-luedenscheid", None));
        Assert.Equal(linked, await directory.FindStaffByObjectIdAsync("8f2a6c1e-0000-4000-8000-000000000001", None));
        Assert.Null(await directory.FindStaffAsync("nobody", None));
        Assert.Null(await directory.FindStaffAsync("cm/../x", None));
        var caseManagers = await directory.ListStaffAsync("mk", null, StaffRole.CaseManager, None);
        Assert.Equal(["cm-iserlohn", "cm-luedenscheid", "cm-menden"], caseManagers.Select(s => s.Id));
        Assert.Equal("cm-menden", Assert.Single(await directory.ListStaffAsync("mk", "menden", StaffRole.CaseManager, None)).Id);
        Assert.Equal(["iserlohn", "luedenscheid", "menden"], (await directory.ListMunicipalitiesAsync("mk", None)).Select(m => m.Id));

        // Another object id and district: the old lookup rows go.
        await directory.UpsertStaffAsync(linked with { ObjectId = "other-oid", District = "hsk" }, None);
        Assert.Null(await directory.FindStaffByObjectIdAsync(linked.ObjectId!, None));
        Assert.Equal("hsk", (await directory.FindStaffByObjectIdAsync("other-oid", None))?.District);
        Assert.DoesNotContain(await directory.ListStaffAsync("mk", null, StaffRole.CaseManager, None), s => s.Id == linked.Id);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_partner_is_found_by_id_and_its_key_by_key_id_and_a_revoked_key_leaves_no_row()
    {
        var directory = await NewDirectoryAsync();
        await DemoData.SeedAsync(directory, None);

        var keyId = ApiKeys.IdOf(DemoData.CaritasKey)!;
        var stored = await directory.FindPartnerKeyAsync(keyId, None);
        Assert.Equal("caritas-luedenscheid", stored?.PartnerId);
        Assert.True(ApiKeys.Matches(DemoData.CaritasKey, stored!));
        var partner = await directory.FindPartnerAsync("caritas-luedenscheid", None);
        Assert.Equal([keyId], partner!.KeyIds);
        Assert.Equal(PartnerType.WelfareOrganisation, partner.Type);
        Assert.Equal(["caritas-luedenscheid", "jobcenter-mk"], (await directory.ListPartnersAsync("mk", None)).Select(p => p.Id));
        Assert.Null(await directory.FindPartnerKeyAsync("nothing-here", None));

        Assert.Equal(PartnerKeyChange.Done, await directory.RevokePartnerKeyAsync("caritas-luedenscheid", keyId, None));
        Assert.Null(await directory.FindPartnerKeyAsync(keyId, None));
        Assert.Empty((await directory.FindPartnerAsync("caritas-luedenscheid", None))!.KeyIds);
        Assert.Equal(PartnerKeyChange.NoKey, await directory.RevokePartnerKeyAsync("caritas-luedenscheid", keyId, None));
    }

    [Fact(Timeout = 30_000)]
    public async Task Concurrent_key_additions_never_make_more_than_the_limit()
    {
        var directory = await NewDirectoryAsync();
        await DemoData.SeedAsync(directory, None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => directory.AddPartnerKeyAsync(
            ApiKeys.Protect(ApiKeys.New(), "jobcenter-mk", DateTimeOffset.UnixEpoch), ApiKeys.MaxValidKeys, None).AsTask()));

        Assert.Equal(1, outcomes.Count(o => o == PartnerKeyChange.Done));
        Assert.Equal(5, outcomes.Count(o => o == PartnerKeyChange.TooManyKeys));
        var partner = await directory.FindPartnerAsync("jobcenter-mk", None);
        Assert.Equal(2, partner!.KeyIds.Count);
        foreach (var keyId in partner.KeyIds)
        {
            Assert.NotNull(await directory.FindPartnerKeyAsync(keyId, None));
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Seeding_twice_writes_no_new_row()
    {
        var (directory, tables) = await NewTablesAsync();
        await DemoData.SeedAsync(directory, None);
        var first = await CountAsync(tables);

        await DemoData.SeedAsync(directory, None);

        Assert.Equal(first, await CountAsync(tables));
        // Municipalities; staff under id and district; partners under id and district, and their keys.
        Assert.Equal(3 + (DemoData.Staff.Count * 2) + (DemoData.Partners.Count * 3), first);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_app_uses_the_table_directory_and_starting_it_twice_seeds_nothing_new()
    {
        var tables = Tables(StorageNames.StaffTable, StorageNames.PartnersTable, StorageNames.MunicipalitiesTable);
        int afterFirst;
        await using (var app = new KimApp(azurite))
        {
            Assert.IsType<TableAccessDirectory>(app.Services.GetRequiredService<IAccessDirectory>());
            using var partner = app.Partner(DemoData.JobCentreKey);
            using var response = await partner.GetAsync(new Uri("/api/intake/c-none", UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
            afterFirst = await CountAsync(tables);
        }

        await using (var again = new KimApp(azurite))
        {
            Assert.Equal(afterFirst, await CountAsync(tables));
        }
    }

    private async Task<TableAccessDirectory> NewDirectoryAsync() => (await NewTablesAsync()).Directory;

    private async Task<(TableAccessDirectory Directory, TableClient[] Tables)> NewTablesAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var tables = Tables("staff" + suffix, "partners" + suffix, "municipalities" + suffix);
        foreach (var table in tables)
        {
            await table.CreateIfNotExistsAsync();
        }

        return (new TableAccessDirectory(tables[0], tables[1], tables[2]), tables);
    }

    private TableClient[] Tables(params string[] names)
    {
        var service = StorageAccount.Parse(azurite.ConnectionString).CreateTableServiceClient();
        return [.. names.Select(service.GetTableClient)];
    }

    private static async Task<int> CountAsync(TableClient[] tables)
    {
        var count = 0;
        foreach (var table in tables)
        {
            count += await table.QueryAsync<TableEntity>().CountAsync();
        }

        return count;
    }
}
