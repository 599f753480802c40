using Kim.Core.Cases;
using Kim.Core.Workflows;

namespace Kim.Core.Tests.Workflows;

/// <summary>Cases in a given state, reached through the legal transitions.</summary>
internal static class CaseDriver
{
    public const string CaseId = "c-4f7k2";

    public static object Intake(bool consent = true, string? residenceDocumentExpires = "2027-03-31", string? benefitPeriodEnds = null) => new
    {
        municipality = "luedenscheid",
        district = "mk",
        client = new
        {
            givenName = "Amina",
            familyName = "Haddad",
            dateOfBirth = "1990-04-12",
            languages = new[] { "ar", "de" },
            phone = "+49 2351 000000",
            residenceStatus = "recognised-refugee",
            legalDomains = new[] { "AsylbLG" },
            residenceDocumentExpires,
            benefitPeriodEnds,
        },
        needs = new { lifeDomains = new[] { "language", "work" }, text = "Sucht einen Sprachkurs" },
        urgency = "normal",
        sourcePartnerId = "jobcenter-mk",
        partnerReference = "JC-2026-00042",
        consentToCaseProcessing = consent,
    };

    public static object Consent(string recipient = "caritas-luedenscheid") => new
    {
        recipient,
        purpose = "Migrationsberatung",
        categories = new[] { "identity", "contact", "needs" },
        form = "written",
        validFrom = "2026-11-02",
        documentId = "d-1",
    };

    public static Driver<CaseWorkflowState> New(bool consent = true, CaseWorkflow? workflow = null, string? residenceDocumentExpires = "2027-03-31")
    {
        var driver = new Driver<CaseWorkflowState>(workflow ?? new CaseWorkflow(), CaseId);
        driver.Start(Intake(consent, residenceDocumentExpires)).Ok();
        return driver;
    }

    public static Driver<CaseWorkflowState> In(CaseState state, CaseWorkflow? workflow = null)
    {
        var driver = New(workflow: workflow);
        if (state == CaseState.Referred)
        {
            return driver;
        }

        driver.Raise(CaseEvents.StartClearing).Ok();
        switch (state)
        {
            case CaseState.Clearing:
                return driver;
            case CaseState.Declined:
                driver.Raise(CaseEvents.Decline, new { reason = "Regelangebot reicht aus" }).Ok();
                return driver;
        }

        driver.Raise(CaseEvents.Accept).Ok();
        if (state == CaseState.Assessment)
        {
            return driver;
        }

        driver.Raise(CaseEvents.CompleteAssessment).Ok();
        if (state == CaseState.Planning)
        {
            return driver;
        }

        driver.Raise(CaseEvents.AgreePlan, new { goals = new object[] { "Deutsch B1", new { text = "Arbeit finden", lifeDomain = "work" } } }).Ok();
        switch (state)
        {
            case CaseState.Monitoring:
                return driver;
            case CaseState.HandoverPending:
                driver.Raise(CaseEvents.StartHandover, new { from = "AsylbLG", to = "SGB II", triggerDate = "2026-11-10" }).Ok();
                return driver;
            case CaseState.Closed:
                driver.Raise(CaseEvents.Close, new { reason = "goals-met" }).Ok();
                return driver;
            default:
                throw new ArgumentOutOfRangeException(nameof(state));
        }
    }
}
