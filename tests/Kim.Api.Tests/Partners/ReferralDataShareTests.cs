using Kim.Api.Partners;
using Kim.Core.Cases;
using Kim.Core.Workflows;

namespace Kim.Api.Tests.Partners;

public sealed class ReferralDataShareTests
{
    private static readonly Client Amina = new()
    {
        GivenName = "Amina",
        FamilyName = "Haddad",
        DateOfBirth = new DateOnly(1990, 4, 12),
        Languages = ["ar", "de"],
        Phone = "+49 2351 123456",
        Email = "amina@example.org",
        ResidenceStatus = ResidenceStatusCategory.RecognisedRefugee,
        ResidenceDocumentExpires = new DateOnly(2027, 3, 31),
        LegalDomains = [LegalDomain.AsylbLG],
        BenefitPeriodEnds = new DateOnly(2026, 12, 31),
    };

    private static readonly Needs Needs = new() { LifeDomains = [LifeDomain.Language, LifeDomain.Health], Text = "Sprachkurs" };

    [Fact]
    public void No_category_releases_nothing()
    {
        Assert.Equal(SharedData.Nothing, ReferralDataShare.Select([], Amina, Needs));
    }

    [Fact]
    public void Identity_releases_names_date_of_birth_and_languages_only()
    {
        var shared = ReferralDataShare.Select([DataCategory.Identity], Amina, Needs);

        Assert.Equal(
            new SharedClient { GivenName = "Amina", FamilyName = "Haddad", DateOfBirth = new DateOnly(1990, 4, 12), Languages = Amina.Languages },
            shared.Client);
        Assert.Null(shared.Needs);
    }

    [Fact]
    public void Contact_releases_phone_and_email_only()
    {
        Assert.Equal(
            new SharedClient { Phone = "+49 2351 123456", Email = "amina@example.org" },
            ReferralDataShare.Select([DataCategory.Contact], Amina, Needs).Client);
    }

    [Fact]
    public void Residence_releases_status_and_document_expiry_only()
    {
        Assert.Equal(
            new SharedClient { ResidenceStatus = ResidenceStatusCategory.RecognisedRefugee, ResidenceDocumentExpires = new DateOnly(2027, 3, 31) },
            ReferralDataShare.Select([DataCategory.Residence], Amina, Needs).Client);
    }

    [Fact]
    public void Benefits_releases_legal_domains_and_benefit_period_end_only()
    {
        Assert.Equal(
            new SharedClient { LegalDomains = Amina.LegalDomains, BenefitPeriodEnds = new DateOnly(2026, 12, 31) },
            ReferralDataShare.Select([DataCategory.Benefits], Amina, Needs).Client);
    }

    [Fact]
    public void Needs_release_life_domains_but_the_health_domain_and_the_text_only_with_health()
    {
        var withoutHealth = ReferralDataShare.Select([DataCategory.Needs], Amina, Needs);
        var withHealth = ReferralDataShare.Select([DataCategory.Needs, DataCategory.Health], Amina, Needs);

        Assert.Null(withoutHealth.Client);
        Assert.Equal([LifeDomain.Language], withoutHealth.Needs!.LifeDomains);
        Assert.Null(withoutHealth.Needs.Text);
        Assert.Equal([LifeDomain.Language, LifeDomain.Health], withHealth.Needs!.LifeDomains);
        Assert.Equal("Sprachkurs", withHealth.Needs.Text);
    }

    [Theory]
    [InlineData(ReferralState.Rejected, "partner:jobcenter-mk", "keine Plätze")]
    [InlineData(ReferralState.Rejected, "staff:cm-luedenscheid", null)]
    [InlineData(ReferralState.Rejected, "partner:caritas-luedenscheid", null)]
    [InlineData(ReferralState.Withdrawn, "partner:jobcenter-mk", null)]
    [InlineData(ReferralState.Withdrawn, null, null)]
    public void Only_the_partners_own_rejection_reason_is_shown(ReferralState state, string? respondedBy, string? shown)
    {
        var referral = new ReferralWorkflowState
        {
            ReferralId = "c-1:r-1",
            CaseId = "c-1",
            Municipality = "luedenscheid",
            PartnerId = "jobcenter-mk",
            Purpose = "Sprachkurs",
            ConsentId = "consent-2",
            State = state,
            RespondBy = DateTimeOffset.UnixEpoch,
            CreatedAt = DateTimeOffset.UnixEpoch,
            CreatedBy = "staff:cm-luedenscheid",
            RespondedBy = respondedBy,
            Reason = shown ?? "Klientin in Psychotherapie",
        };

        Assert.Equal(shown, ReferralDataShare.AnswerReason(referral, "jobcenter-mk"));
    }

    [Fact]
    public void Health_and_documents_alone_release_no_client_field()
    {
        Assert.Equal(SharedData.Nothing, ReferralDataShare.Select([DataCategory.Health, DataCategory.Documents], Amina, Needs));
    }
}
