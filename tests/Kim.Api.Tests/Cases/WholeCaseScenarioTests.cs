using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kim.Testing;

namespace Kim.Api.Tests.Cases;

/// <summary>
/// One case from the partner's intake to its closure, through real HTTP on the real app: every step
/// a case manager and a partner take, and the timeline that records each with its actor.
/// </summary>
public sealed class WholeCaseScenarioTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string CaseManager = "cm-luedenscheid";
    private const string Jobcentre = "partner:jobcenter-mk";

    [Fact(Timeout = 120_000)]
    public async Task A_whole_case_runs_from_intake_to_closure_and_its_timeline_names_every_step_and_actor()
    {
        await using var app = new KimApp(azurite);
        using var partner = app.Partner("dev-key-jobcenter-mk");
        using var staff = app.Staff(CaseManager);

        // Intake with two documents, as multipart/form-data from the job centre's server.
        using var intake = IntakeWithTwoDocuments();
        var accepted = await CaseKit.OkAsync(await partner.PostAsync("/api/intake", intake), HttpStatusCode.Accepted);
        var caseId = accepted.GetProperty("reference").GetString()!;
        var statusUrl = accepted.GetProperty("statusUrl").GetString()!;
        Assert.Equal("received", (await CaseKit.OkAsync(await partner.GetAsync(statusUrl))).GetProperty("status").GetString());
        var documents = await CaseKit.OkAsync(await staff.GetAsync($"/api/cases/{caseId}/documents"));
        Assert.Equal(2, documents.GetProperty("items").GetArrayLength());

        // Clearing, acceptance, assessment, the agreed plan.
        await Transition(staff, caseId, "start-clearing");
        Assert.Equal("in-clearing", (await CaseKit.OkAsync(await partner.GetAsync(statusUrl))).GetProperty("status").GetString());
        await Transition(staff, caseId, "accept");
        await Transition(staff, caseId, "complete-assessment");
        await Transition(staff, caseId, "agree-plan", new { goals = new[] { new { text = "Sprachkurs B1 abschließen", lifeDomain = "language" } } });

        // Consent naming the job centre, then the referral.
        await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/consents", new
        {
            recipient = "jobcenter-mk",
            purpose = "Vermittlung Sprachkurs",
            categories = new[] { "identity", "needs" },
            form = "written",
            validFrom = "2026-11-01",
        }));
        var referralId = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync(
            $"/api/cases/{caseId}/referrals", new { partnerId = "jobcenter-mk", purpose = "Sprachkurs B1 vermitteln", respondBy = "2026-11-16" }));

        // The partner reads what the consent covers and accepts.
        var asked = await CaseKit.OkAsync(await partner.GetAsync($"/api/referrals/{referralId}"));
        Assert.Equal("Haddad", asked.GetProperty("client").GetProperty("familyName").GetString());
        Assert.False(asked.GetProperty("client").TryGetProperty("phone", out _));
        await CaseKit.OkAsync(await partner.PostAsJsonAsync($"/api/referrals/{referralId}/response", new { decision = "accepted" }));

        // A follow-up, done.
        var followUp = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync(
            $"/api/cases/{caseId}/followups", new { dueAt = "2026-11-09T10:00:00+01:00", note = "Ist die Klientin beim Kurs angekommen?" }));
        await CaseKit.OkAsync(await staff.PostAsync($"/api/cases/{caseId}/followups/{followUp}/done", null));

        // The AsylbLG → SGB II handover after recognition served on 2026-11-10.
        var handover = await CaseKit.OkAsync(
            await staff.PostAsJsonAsync($"/api/cases/{caseId}/handovers", new { from = "AsylbLG", to = "SGB II", triggerDate = "2026-11-10" }),
            HttpStatusCode.Created);
        Assert.Equal("2026-11-30", handover.GetProperty("target").GetString());
        Assert.Equal("2026-12-31", handover.GetProperty("hardDeadline").GetString());
        var handoverId = handover.GetProperty("id").GetString()!;
        Assert.Equal("handover-pending", (await CaseKit.GetCaseAsync(staff, caseId)).GetProperty("state").GetString());
        foreach (var step in handover.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()))
        {
            await CaseKit.OkAsync(await staff.PostAsync($"/api/cases/{caseId}/handovers/{handoverId}/steps/{step}/confirm", null));
        }

        await CaseKit.UntilAsync(async () => (await CaseKit.GetCaseAsync(staff, caseId)).GetProperty("state").GetString() == "monitoring");
        var monitoring = await CaseKit.GetCaseAsync(staff, caseId);
        Assert.Equal("accepted", monitoring.GetProperty("referrals")[0].GetProperty("state").GetString());
        Assert.All(
            monitoring.GetProperty("handovers")[0].GetProperty("steps").EnumerateArray(),
            step => Assert.NotEqual(JsonValueKind.Null, step.GetProperty("confirmedAt").ValueKind));

        // Closure; the partner sees it too.
        await Transition(staff, caseId, "close", new { reason = "goals-met" });
        var closed = await CaseKit.GetCaseAsync(staff, caseId);
        Assert.Equal("closed", closed.GetProperty("state").GetString());
        Assert.Equal("closed", (await CaseKit.OkAsync(await partner.GetAsync(statusUrl))).GetProperty("status").GetString());

        // The timeline lists every step with its actor, oldest first.
        var timeline = (await CaseKit.OkAsync(await staff.GetAsync($"/api/cases/{caseId}/timeline"))).GetProperty("items").EnumerateArray().ToList();
        var steps = timeline.Select(e => (Type: e.GetProperty("type").GetString(), Actor: e.GetProperty("actor").GetString())).ToList();
        Assert.Contains(("started", Jobcentre), steps);
        foreach (var transition in new[] { "start-clearing", "accept", "complete-assessment", "agree-plan", "record-consent", "create-referral", "add-follow-up", "complete-follow-up", "start-handover", "close" })
        {
            Assert.Contains((transition, CaseManager), steps);
        }

        Assert.Contains(("respond", Jobcentre), steps);
        Assert.Equal(5, steps.Count(s => s == ("confirm-step", CaseManager)));
        var times = timeline.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.True(
            steps.FindIndex(s => s.Type == "start-clearing") < steps.FindIndex(s => s.Type == "close"),
            "the timeline is oldest first");
    }

    private static async Task Transition(HttpClient staff, string caseId, string transition, object? body = null) =>
        await CaseKit.OkAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/transitions/{transition}", body ?? new { }));

    private static MultipartFormDataContent IntakeWithTwoDocuments()
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in new (string, string)[]
        {
            ("partnerReference", "JC-2026-00042"), ("municipality", "luedenscheid"),
            ("client.givenName", "Amina"), ("client.familyName", "Haddad"), ("client.dateOfBirth", "1990-04-12"),
            ("client.languages", "ar"), ("client.languages", "de"), ("client.phone", "+49 2351 123456"),
            ("client.residenceStatus", "recognised-refugee"), ("client.legalDomains", "AsylbLG"),
            ("needs.lifeDomains", "language"), ("needs.text", "Sucht einen Sprachkurs B1"),
            ("urgency", "normal"), ("consentToCaseProcessing", "true"),
        })
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(File("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8.ToArray(), "application/pdf"), "documents", "bescheid.pdf");
        form.Add(File(IntakeRequests.Png, "image/png"), "documents", "ausweis.png");
        return form;
    }

    private static ByteArrayContent File(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }
}
