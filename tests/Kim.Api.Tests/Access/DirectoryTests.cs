using Kim.Api.Access;

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
    public async Task A_partner_key_is_found_by_its_id_and_stored_only_salted()
    {
        var directory = new InMemoryAccessDirectory();
        await DemoData.SeedAsync(directory, CancellationToken.None);

        var stored = await directory.FindPartnerKeyAsync(ApiKeys.IdOf(DemoData.CaritasKey)!, CancellationToken.None);
        Assert.Equal("caritas-luedenscheid", stored?.PartnerId);
        Assert.True(ApiKeys.Matches(DemoData.CaritasKey, stored!));
        Assert.False(ApiKeys.Matches(DemoData.CaritasKey + "x", stored!));
        Assert.Equal([stored!.KeyId], (await directory.FindPartnerAsync("caritas-luedenscheid", CancellationToken.None))!.KeyIds);
    }

    [Fact]
    public void A_key_matches_its_salted_hash_only_and_equal_keys_hash_differently()
    {
        var first = ApiKeys.Protect(DemoData.JobCentreKey, "jobcenter-mk", DateTimeOffset.UnixEpoch);
        var second = ApiKeys.Protect(DemoData.JobCentreKey, "jobcenter-mk", DateTimeOffset.UnixEpoch);

        Assert.Equal("dev-key-jobc", first.KeyId);
        Assert.Equal(64, first.Hash.Length);
        Assert.NotEqual(first.Salt, second.Salt);
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.True(ApiKeys.Matches(DemoData.JobCentreKey, first));
        Assert.True(ApiKeys.Matches(DemoData.JobCentreKey, second));
        Assert.False(ApiKeys.Matches("dev-key-jobcenter-mK", first));
        Assert.DoesNotContain("dev-key", first.Hash + first.Salt, StringComparison.Ordinal);
    }

    [Fact]
    public void New_keys_are_long_random_and_carry_their_id()
    {
        var key = ApiKeys.New();
        var other = ApiKeys.New();

        Assert.Equal(55, key.Length);
        Assert.StartsWith("kim_", key, StringComparison.Ordinal);
        Assert.Equal(key[..ApiKeys.KeyIdLength], ApiKeys.IdOf(key));
        Assert.NotEqual(key, other);
        Assert.Null(ApiKeys.IdOf("short"));
    }
}
