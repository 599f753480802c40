using Kim.Functions.Access;

namespace Kim.Api.Tests.Access;

public sealed class DirectoryTests
{
    [Fact(Timeout = 10_000)]
    public async Task Seeding_the_demo_data_twice_changes_nothing()
    {
        var directory = new InMemoryAccessDirectory();

        await DemoData.SeedAsync(directory, CancellationToken.None);
        await DemoData.SeedAsync(directory, CancellationToken.None);

        var caseManagers = await directory.ListStaffAsync("mk", null, StaffRole.CaseManager, CancellationToken.None);
        Assert.Equal(["cm-iserlohn", "cm-luedenscheid", "cm-menden"], caseManagers.Select(s => s.Id));
        Assert.Equal(3, (await directory.ListMunicipalitiesAsync("mk", CancellationToken.None)).Count);
        var menden = await directory.ListStaffAsync("mk", "menden", StaffRole.CaseManager, CancellationToken.None);
        Assert.Equal("cm-menden@example.org", Assert.Single(menden).Email);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_partner_is_found_by_the_hash_of_its_key_and_a_new_key_replaces_the_old()
    {
        var directory = new InMemoryAccessDirectory();
        await DemoData.SeedAsync(directory, CancellationToken.None);

        var found = await directory.FindPartnerByKeyHashAsync(ApiKeys.Hash(DemoData.CaritasKey), CancellationToken.None);
        Assert.Equal("caritas-luedenscheid", found?.Id);

        await directory.UpsertPartnerAsync(found! with { ApiKeyHash = ApiKeys.Hash("rotated") }, CancellationToken.None);
        Assert.Null(await directory.FindPartnerByKeyHashAsync(ApiKeys.Hash(DemoData.CaritasKey), CancellationToken.None));
        Assert.NotNull(await directory.FindPartnerByKeyHashAsync(ApiKeys.Hash("rotated"), CancellationToken.None));
    }

    [Fact]
    public void A_key_matches_its_hash_only()
    {
        var hash = ApiKeys.Hash("dev-key-jobcenter-mk");

        Assert.Equal(64, hash.Length);
        Assert.True(ApiKeys.Matches("dev-key-jobcenter-mk", hash));
        Assert.True(ApiKeys.Matches("dev-key-jobcenter-mk", hash.ToUpperInvariant()));
        Assert.False(ApiKeys.Matches("dev-key-jobcenter-mK", hash));
        Assert.DoesNotContain(DemoData.Partners, p => p.ApiKeyHash.Contains("dev-key", StringComparison.Ordinal));
    }
}
