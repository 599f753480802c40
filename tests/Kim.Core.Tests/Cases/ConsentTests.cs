using Kim.Core.Cases;

namespace Kim.Core.Tests.Cases;

public class ConsentTests
{
    private static readonly Consent Consent = new()
    {
        ConsentId = "consent-2",
        Recipient = "caritas-luedenscheid",
        Purpose = "Migrationsberatung",
        Categories = [DataCategory.Identity, DataCategory.Contact],
        Form = ConsentForm.Written,
        ValidFrom = new DateOnly(2026, 11, 2),
    };

    [Fact]
    public void A_consent_covers_the_recipient_it_names_from_its_first_day()
    {
        Assert.True(Consent.Covers("Caritas-Luedenscheid ", new DateOnly(2026, 11, 2)));
        Assert.False(Consent.Covers("caritas-luedenscheid", new DateOnly(2026, 11, 1)));
        Assert.False(Consent.Covers("jobcenter-mk", new DateOnly(2026, 11, 2)));
    }

    [Fact]
    public void A_withdrawn_consent_covers_nobody() =>
        Assert.False((Consent with { WithdrawnAt = DateTimeOffset.UnixEpoch }).Covers("caritas-luedenscheid", new DateOnly(2026, 12, 1)));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("*")]
    [InlineData("alle")]
    [InlineData("All")]
    public void Blanket_recipients_are_invalid(string recipient) =>
        Assert.Contains((Consent with { Recipient = recipient }).Validate(), e => e.Field == "recipient");

    [Fact]
    public void A_consent_names_data_categories() =>
        Assert.Contains((Consent with { Categories = [] }).Validate(), e => e.Field == "categories");
}
