using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Kim.Core.Workflows.Payloads;

namespace Kim.Core.Tests.Workflows;

public class CaseConsentTests
{
    [Fact]
    public void Without_consent_to_case_processing_an_intake_keeps_identity_data_only()
    {
        var state = CaseDriver.New(consent: false).State;
        Assert.Equal("Amina", state.Client.GivenName);
        Assert.Equal(["ar", "de"], state.Client.Languages);
        Assert.Null(state.Client.ResidenceStatus);
        Assert.Empty(state.Client.LegalDomains);
        Assert.Null(state.Client.ResidenceDocumentExpires);
        Assert.True(state.Needs.IsEmpty);
        Assert.Empty(state.Consents);
    }

    [Fact]
    public void The_intakes_consent_flag_is_recorded_as_a_consent_to_case_processing()
    {
        var consent = Assert.Single(CaseDriver.New().State.Consents);
        Assert.True(consent.IsCaseProcessing);
        Assert.Equal("luedenscheid", consent.Recipient);
        Assert.Equal(ConsentForm.Declared, consent.Form);
    }

    [Fact]
    public void Before_consent_only_identity_data_can_be_changed()
    {
        var driver = CaseDriver.New(consent: false);
        driver.Raise(CaseEvents.StartClearing).Ok();

        driver.Raise(CaseEvents.UpdateClient, new { phone = "+49 2351 111111" }).Ok();
        driver.Raise(CaseEvents.UpdateClient, new { residenceStatus = "recognised-refugee" }).Rejected(RejectionCodes.ConsentMissing);
        driver.Raise(CaseEvents.UpdateNeeds, new { text = "Wohnung" }).Rejected(RejectionCodes.ConsentMissing);
        driver.Raise(CaseEvents.RecordBarrier, new { category = "language", agency = "jobcenter", description = "kein Dolmetscher" })
            .Rejected(RejectionCodes.ConsentMissing);
        driver.Raise(CaseEvents.RecordContact, new { channel = "phone", note = "Termin vereinbart" }).Rejected(RejectionCodes.ConsentMissing);
        driver.Raise(CaseEvents.RecordContact, new { channel = "phone" }).Ok();
        driver.Raise(CaseEvents.Accept).Rejected(RejectionCodes.ConsentMissing);

        Assert.Equal("+49 2351 111111", driver.State.Client.Phone);
    }

    [Fact]
    public void A_recorded_consent_to_case_processing_opens_the_case_for_work()
    {
        var driver = CaseDriver.New(consent: false);
        driver.Raise(CaseEvents.StartClearing).Ok();
        driver.Raise(CaseEvents.RecordConsent, new
        {
            recipient = "luedenscheid",
            purpose = "case-processing",
            categories = new[] { "identity", "contact", "residence", "benefits", "needs" },
            form = "written",
            validFrom = "2026-11-02",
        }).Ok();

        driver.Raise(CaseEvents.UpdateNeeds, new { lifeDomains = new[] { "housing" } }).Ok();
        driver.Raise(CaseEvents.Accept).Ok();
        Assert.Equal([LifeDomain.Housing], driver.State.Needs.LifeDomains);
    }

    [Fact]
    public void Blanket_consent_is_refused()
    {
        var driver = CaseDriver.In(CaseState.Clearing);
        driver.Raise(CaseEvents.RecordConsent, new { recipient = "all", purpose = "alles", categories = new[] { "identity" }, form = "written", validFrom = "2026-11-02" })
            .Rejected(RejectionCodes.InvalidPayload);
        driver.Raise(CaseEvents.RecordConsent, new { recipient = "caritas-luedenscheid", purpose = "Beratung", categories = Array.Empty<string>(), form = "written", validFrom = "2026-11-02" })
            .Rejected(RejectionCodes.InvalidPayload);
    }

    [Fact]
    public void A_referral_without_a_consent_naming_the_recipient_is_refused()
    {
        var driver = CaseDriver.In(CaseState.Clearing);
        driver.Raise(CaseEvents.RecordConsent, CaseDriver.Consent("jobcenter-mk")).Ok();

        var rejection = driver.Raise(CaseEvents.CreateReferral, new { partnerId = "caritas-luedenscheid", purpose = "Migrationsberatung" })
            .Rejected(RejectionCodes.ConsentMissing);
        Assert.Contains("caritas-luedenscheid", rejection.Message, StringComparison.Ordinal);
        Assert.Empty(driver.State.Referrals);
    }

    [Fact]
    public void A_referral_with_a_consent_naming_the_recipient_starts_a_referral_instance()
    {
        var driver = CaseDriver.In(CaseState.Clearing);
        driver.Raise(CaseEvents.RecordConsent, CaseDriver.Consent()).Ok();

        var step = driver.Raise(CaseEvents.CreateReferral, new { partnerId = "caritas-luedenscheid", purpose = "Migrationsberatung", respondBy = "2026-11-20" }).Ok();

        var child = step.Single<StartChild>();
        Assert.Equal("c-4f7k2:r-1", child.ChildInstanceId);
        Assert.Equal(ReferralWorkflow.WorkflowName, child.Workflow);
        var input = Kim.Core.KimJson.FromElement<ReferralStartInput>(child.Input!.Value);
        Assert.Equal("consent-2", input.ConsentId);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.FromHours(1)), input.RespondBy);
        var summary = Assert.Single(driver.State.Referrals);
        Assert.Equal(("r-1", "caritas-luedenscheid", ReferralState.Sent), (summary.ReferralId, summary.PartnerId, summary.State));
        Assert.Equal(input.RespondBy, driver.State.NextDue);
    }

    [Fact]
    public void A_withdrawn_consent_or_one_not_yet_valid_does_not_cover_a_referral()
    {
        var driver = CaseDriver.In(CaseState.Clearing);
        driver.Raise(CaseEvents.RecordConsent, CaseDriver.Consent()).Ok();
        driver.Raise(CaseEvents.WithdrawConsent, new { consentId = "consent-2" }).Ok();
        driver.Raise(CaseEvents.CreateReferral, new { partnerId = "caritas-luedenscheid", purpose = "Beratung" }).Rejected(RejectionCodes.ConsentMissing);

        driver.Raise(CaseEvents.RecordConsent, new { recipient = "caritas-luedenscheid", purpose = "Beratung", categories = new[] { "identity" }, form = "written", validFrom = "2026-12-01" }).Ok();
        driver.Raise(CaseEvents.CreateReferral, new { partnerId = "caritas-luedenscheid", purpose = "Beratung" }).Rejected(RejectionCodes.ConsentMissing);
    }

    [Fact]
    public void Referrals_are_not_possible_before_clearing()
    {
        var driver = CaseDriver.New();
        driver.Raise(CaseEvents.RecordConsent, CaseDriver.Consent()).Ok();
        driver.Raise(CaseEvents.CreateReferral, new { partnerId = "caritas-luedenscheid", purpose = "Beratung" })
            .Rejected(RejectionCodes.IllegalTransition);
    }

    [Fact]
    public void Withdrawing_a_consent_withdraws_the_open_referrals_that_rely_on_it()
    {
        var driver = CaseDriver.In(CaseState.Monitoring);
        driver.Raise(CaseEvents.RecordConsent, CaseDriver.Consent()).Ok();
        driver.Raise(CaseEvents.RecordConsent, CaseDriver.Consent("jobcenter-mk")).Ok();
        driver.Raise(CaseEvents.CreateReferral, new { partnerId = "caritas-luedenscheid", purpose = "Beratung" }).Ok();
        driver.Raise(CaseEvents.CreateReferral, new { partnerId = "jobcenter-mk", purpose = "Antrag" }).Ok();
        driver.Raise(CaseEvents.CreateReferral, new { partnerId = "caritas-luedenscheid", purpose = "Schuldnerberatung" }).Ok();
        driver.Raise(CaseEvents.ReferralUpdated, new ReferralUpdate("c-4f7k2:r-3", ReferralState.Rejected, driver.Now, "voll")).Ok();

        var step = driver.Raise(CaseEvents.WithdrawConsent, new { consentId = "consent-2" }).Ok();

        var raised = Assert.Single(step.Of<RaiseEventOn>());
        Assert.Equal(("c-4f7k2:r-1", ReferralEvents.Withdraw), (raised.InstanceId, raised.Name));
        Assert.NotNull(driver.State.Consents.Single(c => c.ConsentId == "consent-2").WithdrawnAt);
        Assert.Empty(driver.Raise(CaseEvents.WithdrawConsent, new { consentId = "consent-2" }).Ok().Commands);
        driver.Raise(CaseEvents.WithdrawConsent, new { consentId = "consent-9" }).Rejected(RejectionCodes.UnknownConsent);
    }
}
