using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Api.Tests.Cases;
using Kim.Core;
using Kim.Core.Cases;
using Kim.Core.Mail;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Kim.Core.Workflows.Payloads;
using Kim.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Api.Tests.Partners;

/// <summary>The partner's referral routes on the real app: what a partner sees is what the consent covers.</summary>
public sealed class PartnerReferralTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Timeout = 60_000;
    private const string Staff = "staff:cm-luedenscheid";
    private const string NeedsText = "Sucht einen Sprachkurs B1; zurzeit in Psychotherapie.";

    [Fact(Timeout = Timeout)]
    public async Task The_partner_sees_exactly_the_consented_categories_and_another_partner_gets_404()
    {
        await using var app = new KimApp(azurite);
        var (caseId, referralId) = await ReferAsync(app, "read");
        using var jobCentre = app.Partner(DemoData.JobCentreKey);
        using var caritas = app.Partner(DemoData.CaritasKey);

        var view = await ReadAsync(jobCentre, referralId);

        Assert.Equal(referralId, view.GetProperty("referralId").GetString());
        Assert.Equal("sent", view.GetProperty("state").GetString());
        Assert.Equal("Sprachkurs B1 vermitteln", view.GetProperty("purpose").GetString());
        Assert.Equal("luedenscheid", view.GetProperty("municipality").GetString());
        Assert.Equal("cm-luedenscheid@example.org", view.GetProperty("caseManager").GetProperty("email").GetString());
        Assert.Equal(["identity", "needs"], view.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var client = view.GetProperty("client");
        Assert.Equal(["givenName", "familyName", "dateOfBirth", "languages"], client.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Amina", client.GetProperty("givenName").GetString());
        Assert.Equal(["language", "work"], view.GetProperty("needs").GetProperty("lifeDomains").EnumerateArray().Select(d => d.GetString()));
        var text = view.GetRawText();
        Assert.DoesNotContain("+49 2351", text, StringComparison.Ordinal);
        Assert.DoesNotContain("amina@example.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("recognised-refugee", text, StringComparison.Ordinal);

        using var other = await caritas.GetAsync(Url(referralId));
        await Problems.AssertAsync(other, HttpStatusCode.NotFound, ProblemTypes.NotFound);
        using var escaped = await jobCentre.GetAsync(new Uri("/api/referrals/" + Uri.EscapeDataString(referralId), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, escaped.StatusCode);
        using var unknown = await jobCentre.GetAsync(Url(caseId + ":r-9"));
        await Problems.AssertAsync(unknown, HttpStatusCode.NotFound, ProblemTypes.NotFound);
        using var theCase = await jobCentre.GetAsync(Url(caseId));
        await Problems.AssertAsync(theCase, HttpStatusCode.NotFound, ProblemTypes.NotFound);

        var log = await app.Services.GetRequiredService<IAuditLog>().ReadAsync(caseId, CancellationToken.None).ToListAsync();
        Assert.Contains(log, e => e.Actor == "partner:jobcenter-mk" && e.Action == "read" && e.Target == "referral:r-1");
        Assert.DoesNotContain(log, e => e.Actor == "partner:caritas-luedenscheid");
    }

    [Fact(Timeout = Timeout)]
    public async Task After_the_consent_is_withdrawn_the_referral_shows_withdrawn_without_client_data_and_cannot_be_answered()
    {
        await using var app = new KimApp(azurite);
        var (caseId, referralId) = await ReferAsync(app, "withdraw");
        var workflows = app.Services.GetRequiredService<WorkflowClient>();
        var withdrawn = await workflows.RaiseEventAsync(caseId, CaseEvents.WithdrawConsent, KimJson.ToElement(new ConsentIdPayload("consent-2")), Staff);
        Assert.Equal(WorkflowOutcome.Applied, withdrawn.Outcome);
        using var jobCentre = app.Partner(DemoData.JobCentreKey);

        var view = await ReadAsync(jobCentre, referralId);

        Assert.Equal("withdrawn", view.GetProperty("state").GetString());
        Assert.Empty(view.GetProperty("categories").EnumerateArray());
        Assert.False(view.TryGetProperty("client", out _));
        Assert.False(view.TryGetProperty("needs", out _));
        Assert.DoesNotContain("Amina", view.GetRawText(), StringComparison.Ordinal);
        using var answer = await jobCentre.PostAsJsonAsync(Url(referralId, "/response"), new { decision = "accepted" });
        var problem = await Problems.AssertAsync(answer, HttpStatusCode.Conflict, ProblemTypes.IllegalTransition);
        Assert.Equal("withdrawn", problem.GetProperty("currentState").GetString());
    }

    [Fact(Timeout = Timeout)]
    public async Task An_accepted_referral_is_accepted_on_its_case_and_a_second_answer_is_409()
    {
        await using var app = new KimApp(azurite);
        var (caseId, referralId) = await ReferAsync(app, "accept");
        using var jobCentre = app.Partner(DemoData.JobCentreKey);

        using var noReason = await jobCentre.PostAsJsonAsync(Url(referralId, "/response"), new { decision = "rejected" });
        await Problems.AssertAsync(noReason, HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        using var answer = await jobCentre.PostAsJsonAsync(Url(referralId, "/response"), new { decision = "accepted" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var view = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("accepted", view.GetProperty("state").GetString());
        Assert.Equal(app.Clock.GetUtcNow(), view.GetProperty("respondedAt").GetDateTimeOffset());

        using var twice = await jobCentre.PostAsJsonAsync(Url(referralId, "/response"), new { decision = "rejected", reason = "no capacity" });
        var problem = await Problems.AssertAsync(twice, HttpStatusCode.Conflict, ProblemTypes.IllegalTransition);
        Assert.Equal("accepted", problem.GetProperty("currentState").GetString());
        using var caritas = app.Partner(DemoData.CaritasKey);
        using var notTheirs = await caritas.PostAsJsonAsync(Url(referralId, "/response"), new { decision = "accepted" });
        await Problems.AssertAsync(notTheirs, HttpStatusCode.NotFound, ProblemTypes.NotFound);

        var referral = (await workflows(app).GetAsync(referralId))!.StateAs<ReferralWorkflowState>()!;
        Assert.Equal("partner:jobcenter-mk", referral.RespondedBy);
        // The case learns of the acceptance through the work queue: drain it until the summary shows it.
        var summary = await CaseReferralAsync(app, caseId, s => s.State == ReferralState.Accepted);
        Assert.Equal(ReferralState.Accepted, summary.State);
        var log = await app.Services.GetRequiredService<IAuditLog>().ReadAsync(caseId, CancellationToken.None).ToListAsync();
        Assert.Contains(log, e => e.Actor == "partner:jobcenter-mk" && e.Action == "change" && e.Target == "referral:r-1:respond");

        static WorkflowClient workflows(KimApp app) => app.Services.GetRequiredService<WorkflowClient>();
    }

    [Fact(Timeout = Timeout)]
    public async Task Once_the_partner_has_rejected_the_referral_it_sees_no_client_data()
    {
        await using var app = new KimApp(azurite);
        var (_, referralId) = await ReferAsync(app, "reject");
        using var jobCentre = app.Partner(DemoData.JobCentreKey);
        Assert.True((await ReadAsync(jobCentre, referralId)).TryGetProperty("client", out _), "while sent, the consented data are shared");

        using var answer = await jobCentre.PostAsJsonAsync(Url(referralId, "/response"), new { decision = "rejected", reason = "keine Plätze" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var view = await ReadAsync(jobCentre, referralId);

        Assert.Equal("rejected", view.GetProperty("state").GetString());
        Assert.Empty(view.GetProperty("categories").EnumerateArray());
        Assert.False(view.TryGetProperty("client", out _));
        Assert.DoesNotContain("Amina", view.GetRawText(), StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task Once_the_case_is_closed_an_accepted_referral_shows_no_client_data()
    {
        await using var app = new KimApp(azurite);
        var (caseId, referralId) = await ReferAsync(app, "closed");
        using var jobCentre = app.Partner(DemoData.JobCentreKey);
        using var answer = await jobCentre.PostAsJsonAsync(Url(referralId, "/response"), new { decision = "accepted" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var workflows = app.Services.GetRequiredService<WorkflowClient>();

        var closed = await workflows.RaiseEventAsync(caseId, CaseEvents.Close, KimJson.ToElement(new { reason = "moved-away" }), Staff);
        Assert.Equal(WorkflowOutcome.Applied, closed.Outcome);
        var view = await ReadAsync(jobCentre, referralId);

        Assert.Empty(view.GetProperty("categories").EnumerateArray());
        Assert.False(view.TryGetProperty("client", out _));
        Assert.False(view.TryGetProperty("needs", out _));
        Assert.DoesNotContain("Haddad", view.GetRawText(), StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task The_needs_text_reaches_the_partner_only_when_the_consent_covers_needs_and_health()
    {
        await using var app = new KimApp(azurite);
        var (_, withoutHealth) = await ReferAsync(app, "needs-only");
        var (_, withHealth) = await ReferAsync(app, "needs-health", [DataCategory.Identity, DataCategory.Needs, DataCategory.Health]);
        using var jobCentre = app.Partner(DemoData.JobCentreKey);

        var without = await ReadAsync(jobCentre, withoutHealth);
        var with = await ReadAsync(jobCentre, withHealth);

        Assert.Equal(["language", "work"], without.GetProperty("needs").GetProperty("lifeDomains").EnumerateArray().Select(d => d.GetString()));
        Assert.False(without.GetProperty("needs").TryGetProperty("text", out _));
        Assert.DoesNotContain("Psychotherapie", without.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(NeedsText, with.GetProperty("needs").GetProperty("text").GetString());
    }

    [Fact(Timeout = Timeout)]
    public async Task A_case_managers_withdraw_reason_reaches_the_partner_neither_in_the_view_nor_by_mail()
    {
        await using var app = new KimApp(azurite);
        var (caseId, referralId) = await ReferAsync(app, "withdraw-reason", [DataCategory.Identity, DataCategory.Needs, DataCategory.Health]);
        var mailbox = app.Services.GetRequiredService<IDevelopmentMailbox>();
        await UntilMailAsync(mailbox, "Neue Vermittlung");
        using var staff = app.Staff("cm-luedenscheid");
        const string reason = "Klientin ist in stationärer Behandlung";

        using var withdrawn = await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals/r-1/withdraw", new { reason });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(reason, (await workflows(app).GetAsync(referralId))!.StateAs<ReferralWorkflowState>()!.Reason);
        using var jobCentre = app.Partner(DemoData.JobCentreKey);
        var view = await ReadAsync(jobCentre, referralId);

        Assert.Equal("withdrawn", view.GetProperty("state").GetString());
        Assert.False(view.TryGetProperty("reason", out _));
        Assert.DoesNotContain("Behandlung", view.GetRawText(), StringComparison.Ordinal);
        var toPartner = (await mailbox.ListAsync(500, CancellationToken.None)).Where(m => m.To == "jobcenter-mk@example.org").ToList();
        Assert.NotEmpty(toPartner);
        Assert.All(toPartner, m =>
        {
            Assert.DoesNotContain("Behandlung", m.Subject + m.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Psychotherapie", m.Subject + m.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Amina", m.Subject + m.Text, StringComparison.Ordinal);
        });

        static WorkflowClient workflows(KimApp app) => app.Services.GetRequiredService<WorkflowClient>();
    }

    [Fact(Timeout = Timeout)]
    public async Task A_rejection_recorded_by_the_case_manager_shows_no_reason_to_the_partner_but_its_own_rejection_does()
    {
        await using var app = new KimApp(azurite);
        var (caseId, onBehalf) = await ReferAsync(app, "reject-on-behalf");
        var (_, own) = await ReferAsync(app, "reject-own");
        using var staff = app.Staff("cm-luedenscheid");
        using var jobCentre = app.Partner(DemoData.JobCentreKey);

        using var recorded = await staff.PostAsJsonAsync(
            $"/api/cases/{caseId}/referrals/r-1/response", new { decision = "rejected", reason = "laut Telefonat: Klientin in Psychotherapie" });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        using var answered = await jobCentre.PostAsJsonAsync(Url(own, "/response"), new { decision = "rejected", reason = "keine Plätze" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        var recordedView = await ReadAsync(jobCentre, onBehalf);
        Assert.Equal("rejected", recordedView.GetProperty("state").GetString());
        Assert.False(recordedView.TryGetProperty("reason", out _));
        Assert.Equal("keine Plätze", (await ReadAsync(jobCentre, own)).GetProperty("reason").GetString());
    }

    /// <summary>Waits (polling, at most 20 s) until the development mailbox holds a mail whose subject starts with <paramref name="subject"/>.</summary>
    private static async Task UntilMailAsync(IDevelopmentMailbox mailbox, string subject) =>
        await CaseKit.UntilAsync(async () =>
            (await mailbox.ListAsync(500, CancellationToken.None)).Any(m => m.Subject.StartsWith(subject, StringComparison.Ordinal)));

    /// <summary>A case from an intake with consent, assigned, in clearing, with a consent for jobcenter-mk (identity, needs unless other categories are given) and a referral to it.</summary>
    private static async Task<(string CaseId, string ReferralId)> ReferAsync(KimApp app, string name, DataCategory[]? categories = null)
    {
        var workflows = app.Services.GetRequiredService<WorkflowClient>();
        var caseId = "c-partner-" + name + "-" + Guid.NewGuid().ToString("N")[..8];
        var input = new CaseStartInput
        {
            Municipality = "luedenscheid",
            District = "mk",
            Client = new Client
            {
                GivenName = "Amina",
                FamilyName = "Haddad",
                DateOfBirth = new DateOnly(1990, 4, 12),
                Languages = ["ar", "de"],
                Phone = "+49 2351 123456",
                Email = "amina@example.org",
                ResidenceStatus = ResidenceStatusCategory.RecognisedRefugee,
                LegalDomains = [LegalDomain.AsylbLG],
                ResidenceDocumentExpires = new DateOnly(2027, 3, 31),
            },
            Needs = new Needs { LifeDomains = [LifeDomain.Language, LifeDomain.Work], Text = NeedsText },
            SourcePartnerId = "caritas-luedenscheid",
            ConsentToCaseProcessing = true,
        };
        await Expect(workflows.StartAsync(caseId, CaseWorkflow.WorkflowName, KimJson.ToElement(input), "partner:caritas-luedenscheid"));
        await Expect(workflows.RaiseEventAsync(caseId, CaseEvents.StartClearing, null, Staff));
        await Expect(workflows.RaiseEventAsync(caseId, CaseEvents.Assign, KimJson.ToElement(new AssignPayload("cm-luedenscheid")), Staff));
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().Date);
        await Expect(workflows.RaiseEventAsync(caseId, CaseEvents.RecordConsent, KimJson.ToElement(new ConsentPayload(
            "jobcenter-mk", "Vermittlung Sprachkurs", categories ?? [DataCategory.Identity, DataCategory.Needs], ConsentForm.Written, today)), Staff));
        var referred = await workflows.RaiseEventAsync(caseId, CaseEvents.CreateReferral,
            KimJson.ToElement(new ReferralRequest("Sprachkurs B1 vermitteln", PartnerId: "jobcenter-mk")), Staff);
        await Expect(Task.FromResult(referred));
        var summary = Assert.Single(referred.Instance!.StateAs<CaseWorkflowState>()!.Referrals);
        Assert.Equal("consent-2", summary.ConsentId);
        return (caseId, summary.InstanceId);

        static async Task Expect(Task<WorkflowResult> step)
        {
            var result = await step;
            Assert.True(result.Outcome == WorkflowOutcome.Applied, $"{result.Outcome} {result.Rejection}");
        }
    }

    /// <summary>Reads the case's one referral (deliveries between records land in the same commit) until it satisfies <paramref name="done"/>.</summary>
    private static async Task<ReferralSummary> CaseReferralAsync(KimApp app, string caseId, Func<ReferralSummary, bool> done)
    {
        var records = app.Services.GetRequiredService<WorkflowClient>();
        ReferralSummary? summary = null;
        await CaseKit.UntilAsync(async () =>
        {
            summary = Assert.Single((await records.GetAsync(caseId))!.StateAs<CaseWorkflowState>()!.Referrals);
            return done(summary);
        });
        return summary!;
    }

    private static async Task<JsonElement> ReadAsync(HttpClient http, string referralId)
    {
        using var response = await http.GetAsync(Url(referralId));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Uri Url(string referralId, string suffix = "") => new("/api/referrals/" + referralId + suffix, UriKind.Relative);
}
