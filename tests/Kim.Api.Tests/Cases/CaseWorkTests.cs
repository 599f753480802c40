using System.Net;
using System.Net.Http.Json;
using Kim.Api.Http;
using Kim.Testing;

namespace Kim.Api.Tests.Cases;

/// <summary>Contacts, barriers, consents, referrals (staff side), follow-ups and handovers, through real HTTP on Azurite.</summary>
public sealed class CaseWorkTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Timeout = 60_000;

    private static object JobcentreConsent => new
    {
        recipient = "jobcenter-mk",
        purpose = "Vermittlung in Arbeit",
        categories = new[] { "identity", "contact", "benefits" },
        form = "written",
        validFrom = "2026-11-01",
    };

    [Fact(Timeout = Timeout)]
    public async Task Contacts_and_barriers_are_recorded_and_shown_on_the_case()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.AcceptedAsync(staff);

        var contact = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync(
            $"/api/cases/{caseId}/contacts", new { at = "2026-11-02T09:00:00+01:00", channel = "phone", note = "Termin vereinbart" }));
        var barrier = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync(
            $"/api/cases/{caseId}/barriers", new { category = "waiting-time", agency = "Ausländerbehörde", description = "Termin erst in 4 Monaten" }));
        var noChannel = await Problems.AssertAsync(
            await staff.PostAsJsonAsync($"/api/cases/{caseId}/contacts", new { note = "?" }), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        var badCategory = await Problems.AssertAsync(
            await staff.PostAsJsonAsync($"/api/cases/{caseId}/barriers", new { category = "weather", agency = "x", description = "y" }),
            HttpStatusCode.UnprocessableEntity,
            ProblemTypes.Validation);
        var found = await CaseKit.GetCaseAsync(staff, caseId);

        Assert.Equal("ct-1", contact);
        Assert.Equal("b-1", barrier);
        Assert.Contains("channel", Problems.ErrorFields(noChannel));
        Assert.Contains("category", Problems.ErrorFields(badCategory));
        Assert.Equal("phone", found.GetProperty("contacts")[0].GetProperty("channel").GetString());
        Assert.Equal("waiting-time", found.GetProperty("barriers")[0].GetProperty("category").GetString());
        Assert.Equal("Ausländerbehörde", found.GetProperty("barriers")[0].GetProperty("agency").GetString());
    }

    [Fact(Timeout = Timeout)]
    public async Task A_referral_needs_a_consent_naming_the_recipient_and_withdrawing_it_withdraws_the_referral()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.AcceptedAsync(staff);
        var referral = new { partnerId = "jobcenter-mk", purpose = "Beratung zur Arbeitsaufnahme", respondBy = "2026-11-20" };

        var refused = await Problems.AssertAsync(
            await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals", referral), HttpStatusCode.Conflict, ProblemTypes.Conflict);
        var consentId = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/consents", JobcentreConsent));
        var referralId = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals", referral));
        var sent = await CaseKit.GetCaseAsync(staff, caseId);
        await CaseKit.OkAsync(await staff.PostAsync($"/api/cases/{caseId}/consents/{consentId}/withdraw", null));
        await CaseKit.UntilAsync(async () =>
            (await CaseKit.GetCaseAsync(staff, caseId)).GetProperty("referrals")[0].GetProperty("state").GetString() == "withdrawn");
        var after = await CaseKit.GetCaseAsync(staff, caseId);

        Assert.Equal("consent-missing", refused.GetProperty("code").GetString());
        Assert.Equal("consent-2", consentId);
        Assert.Equal($"{caseId}:r-1", referralId);
        var shown = sent.GetProperty("referrals")[0];
        Assert.Equal(referralId, shown.GetProperty("referralId").GetString());
        Assert.Equal("jobcenter-mk", shown.GetProperty("partnerId").GetString());
        Assert.Equal("sent", shown.GetProperty("state").GetString());
        var respondBy = shown.GetProperty("respondBy").GetDateTimeOffset();
        Assert.InRange(respondBy, new DateTimeOffset(2026, 11, 20, 23, 59, 59, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.FromHours(1)));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, after.GetProperty("consents")[1].GetProperty("withdrawnAt").ValueKind);
        await Problems.AssertAsync(
            await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals", referral), HttpStatusCode.Conflict, ProblemTypes.Conflict);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_service_answer_recorded_on_its_behalf_and_an_outcome_end_the_referral()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.AcceptedAsync(staff);
        await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/consents", new
        {
            recipient = "Sprachkurs VHS",
            purpose = "Anmeldung Integrationskurs",
            categories = new[] { "identity", "contact" },
            form = "oral",
            validFrom = "2026-11-02",
        }));
        var referralId = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync(
            $"/api/cases/{caseId}/referrals", new { service = "Sprachkurs VHS", purpose = "Integrationskurs B1" }));
        var escaped = Uri.EscapeDataString(referralId);

        var noDecision = await Problems.AssertAsync(
            await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals/{escaped}/response", new { }), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        var accepted = await CaseKit.OkAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals/{escaped}/response", new { decision = "accepted" }));
        var again = await Problems.AssertAsync(
            await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals/{referralId}/response", new { decision = "rejected", reason = "voll" }),
            HttpStatusCode.Conflict,
            ProblemTypes.IllegalTransition);
        var done = await CaseKit.OkAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals/r-1/outcome", new { successful = true }));
        await Problems.AssertAsync(
            await staff.PostAsJsonAsync($"/api/cases/{caseId}/referrals/{caseId}:r-9/withdraw", new { }), HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await Problems.AssertAsync(
            await app.Staff("cm-iserlohn").PostAsJsonAsync($"/api/cases/{caseId}/referrals/{escaped}/withdraw", new { }), HttpStatusCode.NotFound, ProblemTypes.NotFound);

        Assert.Contains("decision", Problems.ErrorFields(noDecision));
        Assert.Equal("accepted", accepted.GetProperty("referrals")[0].GetProperty("state").GetString());
        Assert.Equal("accepted", again.GetProperty("currentState").GetString());
        Assert.Equal("done", done.GetProperty("referrals")[0].GetProperty("state").GetString());
        Assert.True(done.GetProperty("referrals")[0].GetProperty("successful").GetBoolean());
        var timeline = (await CaseKit.OkAsync(await staff.GetAsync($"/api/cases/{caseId}/timeline"))).GetProperty("items").EnumerateArray().ToList();
        var types = timeline.Select(i => (i.GetProperty("instanceId").GetString(), i.GetProperty("type").GetString())).ToList();
        Assert.Contains((caseId, "create-referral"), types);
        Assert.Contains((referralId, "started"), types);
        Assert.Contains((referralId, "respond"), types);
        Assert.Contains((referralId, "outcome"), types);
        Assert.Equal(timeline.Select(i => i.GetProperty("at").GetDateTimeOffset()).Order(), timeline.Select(i => i.GetProperty("at").GetDateTimeOffset()));
        Assert.Equal(CaseKit.Luedenscheid, timeline.Single(i => i.GetProperty("type").GetString() == "respond").GetProperty("actor").GetString());
    }

    [Fact(Timeout = Timeout)]
    public async Task Follow_ups_are_created_listed_for_the_assignee_and_done()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.AcceptedAsync(staff);
        await CaseKit.OkAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/assign", new { caseManagerId = CaseKit.Luedenscheid }));

        var first = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/followups", new { dueAt = "2026-11-09", note = "Anruf Jobcenter" }));
        var second = await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync(
            $"/api/cases/{caseId}/followups", new { dueAt = "2026-12-15T10:00:00+01:00", note = "Kurs begonnen?" }));
        var badDate = await Problems.AssertAsync(
            await staff.PostAsJsonAsync($"/api/cases/{caseId}/followups", new { dueAt = "next week", note = "x" }), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        var soon = await CaseKit.OkAsync(await staff.GetAsync("/api/followups?dueBefore=2026-11-30"));
        var all = await CaseKit.OkAsync(await staff.GetAsync("/api/followups"));
        var done = await CaseKit.OkAsync(await staff.PostAsync($"/api/cases/{caseId}/followups/{first}/done", null));
        var afterDone = await CaseKit.OkAsync(await staff.GetAsync("/api/followups"));
        await Problems.AssertAsync(await staff.PostAsync($"/api/cases/{caseId}/followups/f-99/done", null), HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await Problems.AssertAsync(await staff.GetAsync("/api/followups?dueBefore=soon"), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);

        Assert.Equal(("f-1", "f-2"), (first, second));
        Assert.Contains("dueAt", Problems.ErrorFields(badDate));
        Assert.Equal(["f-1"], Mine(soon, caseId));
        Assert.Equal(["f-1", "f-2"], Mine(all, caseId));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, done.GetProperty("followUps")[0].GetProperty("doneAt").ValueKind);
        Assert.Equal(["f-2"], Mine(afterDone, caseId));
        var other = await CaseKit.OkAsync(await app.Staff("cm-iserlohn").GetAsync("/api/followups"));
        Assert.Empty(Mine(other, caseId));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_handover_served_on_10_November_targets_30_November_with_the_hard_deadline_31_December()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.MonitoringAsync(staff);

        var early = await CaseKit.AcceptedAsync(staff);
        var illegal = await Problems.AssertAsync(
            await staff.PostAsJsonAsync($"/api/cases/{early}/handovers", new { from = "AsylbLG", to = "SGB II", triggerDate = "2026-11-10" }),
            HttpStatusCode.Conflict,
            ProblemTypes.IllegalTransition);
        var unsupported = await Problems.AssertAsync(
            await staff.PostAsJsonAsync($"/api/cases/{caseId}/handovers", new { from = "SGB XII", to = "AufenthG", triggerDate = "2026-11-10" }),
            HttpStatusCode.UnprocessableEntity,
            ProblemTypes.Validation);
        using var response = await staff.PostAsJsonAsync($"/api/cases/{caseId}/handovers", new { from = "AsylbLG", to = "SGB II", triggerDate = "2026-11-10" });
        var created = await CaseKit.OkAsync(response, HttpStatusCode.Created);
        var handoverId = created.GetProperty("id").GetString()!;
        var confirmed = await CaseKit.OkAsync(await staff.PostAsync($"/api/cases/{caseId}/handovers/{Uri.EscapeDataString(handoverId)}/steps/jobcentre-application/confirm", null));
        await Problems.AssertAsync(
            await staff.PostAsync($"/api/cases/{caseId}/handovers/{handoverId}/steps/moon-landing/confirm", null), HttpStatusCode.NotFound, ProblemTypes.NotFound);

        Assert.Equal("assessment", illegal.GetProperty("currentState").GetString());
        Assert.NotNull(unsupported.GetProperty("detail").GetString());
        Assert.Equal($"{caseId}:h-1", handoverId);
        Assert.Equal("2026-11-30", created.GetProperty("target").GetString());
        Assert.Equal("2026-12-31", created.GetProperty("hardDeadline").GetString());
        Assert.Contains(created.GetProperty("steps").EnumerateArray(), s => s.GetProperty("step").GetString() == "jobcentre-application");
        Assert.Equal("handover-pending", confirmed.GetProperty("state").GetString());
        var handover = confirmed.GetProperty("handovers")[0];
        Assert.Equal(handoverId, handover.GetProperty("handoverId").GetString());
        Assert.Equal("2026-12-31", handover.GetProperty("hardDeadline").GetString());
        var step = handover.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "jobcentre-application");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, step.GetProperty("confirmedAt").ValueKind);
    }

    private static List<string> Mine(System.Text.Json.JsonElement list, string caseId) =>
        [.. list.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("caseId").GetString() == caseId)
            .Select(i => i.GetProperty("followUpId").GetString()!)];
}
