using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kim.Api.Http;
using Kim.Testing;

namespace Kim.Api.Tests.Cases;

/// <summary>Open, read, list, correct, assign, transitions and the timeline of a case, through real HTTP on Azurite.</summary>
public sealed class CaseApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Timeout = 60_000;

    [Fact(Timeout = Timeout)]
    public async Task A_case_manager_opens_a_case_and_reads_it_in_the_contract_shape()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);

        var caseId = await CaseKit.OpenAsync(staff);
        var found = await CaseKit.GetCaseAsync(staff, caseId);

        Assert.Matches("^c-[a-z2-7]{10}$", caseId);
        Assert.Equal(caseId, found.GetProperty("caseId").GetString());
        Assert.Equal("luedenscheid", found.GetProperty("municipality").GetString());
        Assert.Equal("referred", found.GetProperty("state").GetString());
        Assert.Equal("Amira", found.GetProperty("client").GetProperty("givenName").GetString());
        Assert.Equal("AsylbLG", found.GetProperty("client").GetProperty("legalDomains")[0].GetString());
        Assert.Equal("language", found.GetProperty("needs").GetProperty("lifeDomains")[0].GetString());
        Assert.Equal("consent-1", found.GetProperty("consents")[0].GetProperty("consentId").GetString());
        foreach (var list in new[] { "goals", "referrals", "handovers", "followUps", "barriers" })
        {
            Assert.Equal(0, found.GetProperty(list).GetArrayLength());
        }

        Assert.True(found.TryGetProperty("nextDue", out var nextDue) && nextDue.ValueKind == System.Text.Json.JsonValueKind.String);
    }

    [Fact(Timeout = Timeout)]
    public async Task Another_municipality_gets_404_and_a_coordinator_403()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        using var iserlohn = app.Staff("cm-iserlohn");
        using var coordinator = app.Staff("coord-mk");
        using var partner = app.Partner("dev-key-jobcenter-mk");
        var caseId = await CaseKit.OpenAsync(staff);

        await Problems.AssertAsync(await iserlohn.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await Problems.AssertAsync(await iserlohn.GetAsync("/api/cases/c-doesnotexist"), HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await Problems.AssertAsync(await iserlohn.PostAsync($"/api/cases/{caseId}/transitions/start-clearing", null), HttpStatusCode.NotFound, ProblemTypes.NotFound);
        await Problems.AssertAsync(await coordinator.GetAsync($"/api/cases/{caseId}"), HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        await Problems.AssertAsync(await coordinator.GetAsync("/api/cases"), HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        Assert.True((await partner.GetAsync($"/api/cases/{caseId}")).StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        await Problems.AssertAsync(await app.Anonymous().GetAsync("/api/cases"), HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        Assert.Equal("referred", (await CaseKit.GetCaseAsync(staff, caseId)).GetProperty("state").GetString());
    }

    [Fact(Timeout = Timeout)]
    public async Task Opening_refuses_bad_bodies_without_creating_anything()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var before = (await CaseKit.OkAsync(await staff.GetAsync("/api/cases?pageSize=200"))).GetProperty("items").GetArrayLength();

        var missing = await Problems.AssertAsync(
            await staff.PostAsJsonAsync("/api/cases", new { consentToCaseProcessing = true }), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        var badDate = await Problems.AssertAsync(
            await staff.PostAsJsonAsync("/api/cases", new { client = new { givenName = "A", familyName = "B", dateOfBirth = "12.04.1990" }, consentToCaseProcessing = true }),
            HttpStatusCode.UnprocessableEntity,
            ProblemTypes.Validation);
        await Problems.AssertAsync(
            await staff.PostAsync("/api/cases", new StringContent("{ not json", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
        await Problems.AssertAsync(
            await staff.PostAsync("/api/cases", new StringContent("client=x", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType, ProblemTypes.UnsupportedMediaType);

        Assert.Contains("client", Problems.ErrorFields(missing));
        Assert.Contains("client.dateOfBirth", Problems.ErrorFields(badDate));
        var after = (await CaseKit.OkAsync(await staff.GetAsync("/api/cases?pageSize=200"))).GetProperty("items").GetArrayLength();
        Assert.Equal(before, after);
    }

    [Fact(Timeout = Timeout)]
    public async Task An_illegal_transition_is_409_with_the_current_state_and_an_unknown_one_404()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.OpenAsync(staff);

        var illegal = await Problems.AssertAsync(
            await staff.PostAsync($"/api/cases/{caseId}/transitions/accept", null), HttpStatusCode.Conflict, ProblemTypes.IllegalTransition);
        await Problems.AssertAsync(await staff.PostAsync($"/api/cases/{caseId}/transitions/fly", null), HttpStatusCode.NotFound, ProblemTypes.NotFound);
        var declineWithoutReason = await Problems.AssertAsync(
            await CaseKit.OkAsync(await staff.PostAsync($"/api/cases/{caseId}/transitions/start-clearing", null)) is var _
                ? await staff.PostAsync($"/api/cases/{caseId}/transitions/decline", null)
                : null!,
            HttpStatusCode.UnprocessableEntity,
            ProblemTypes.Validation);

        Assert.Equal("referred", illegal.GetProperty("currentState").GetString());
        Assert.Contains("reason", Problems.ErrorFields(declineWithoutReason));
        var declined = await CaseKit.OkAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/transitions/decline", new { reason = "regular service suffices" }));
        Assert.Equal("declined", declined.GetProperty("state").GetString());
    }

    [Fact(Timeout = Timeout)]
    public async Task Closing_without_a_reason_is_422_and_leaves_the_case_open()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.OpenAsync(staff);

        var noBody = await Problems.AssertAsync(
            await staff.PostAsync($"/api/cases/{caseId}/transitions/close", null), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        await Problems.AssertAsync(
            await staff.PostAsJsonAsync($"/api/cases/{caseId}/transitions/close", new { }), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);

        Assert.Contains("reason", Problems.ErrorFields(noBody));
        Assert.Equal("referred", (await CaseKit.GetCaseAsync(staff, caseId)).GetProperty("state").GetString());
    }

    [Fact(Timeout = Timeout)]
    public async Task The_case_walks_through_the_process_to_closed_and_the_timeline_lists_every_step_with_its_actor()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.MonitoringAsync(staff);

        var monitoring = await CaseKit.GetCaseAsync(staff, caseId);
        var closed = await CaseKit.OkAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/transitions/close", new { reason = "goals-met" }));
        var timeline = await CaseKit.OkAsync(await staff.GetAsync($"/api/cases/{caseId}/timeline"));

        Assert.Equal("monitoring", monitoring.GetProperty("state").GetString());
        Assert.Equal("B1 German course", monitoring.GetProperty("goals")[0].GetProperty("text").GetString());
        Assert.Equal("closed", closed.GetProperty("state").GetString());
        var items = timeline.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            ["started", "start-clearing", "accept", "complete-assessment", "agree-plan", "close"],
            items.Select(i => i.GetProperty("type").GetString()));
        Assert.All(items, i => Assert.Equal(CaseKit.Luedenscheid, i.GetProperty("actor").GetString()));
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("eventId").GetString())));
        Assert.Equal("goals-met", items[^1].GetProperty("data").GetProperty("reason").GetString());
    }

    [Fact(Timeout = Timeout)]
    public async Task Client_and_needs_are_corrected_with_merge_patches()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.OpenAsync(staff);

        var patched = await CaseKit.OkAsync(await staff.PatchAsync(
            $"/api/cases/{caseId}/client",
            new StringContent("""{ "phone": "+49 2351 1234", "benefitPeriodEnds": "2026-12-31" }""", Encoding.UTF8, "application/merge-patch+json")));
        var needs = await CaseKit.OkAsync(await staff.PatchAsync(
            $"/api/cases/{caseId}/needs", new StringContent("""{ "text": "Wohnung" }""", Encoding.UTF8, "application/merge-patch+json")));
        var unknown = await Problems.AssertAsync(
            await staff.PatchAsync($"/api/cases/{caseId}/client", new StringContent("""{ "shoeSize": 43 }""", Encoding.UTF8, "application/merge-patch+json")),
            HttpStatusCode.UnprocessableEntity,
            ProblemTypes.Validation);

        await Problems.AssertAsync(
            await staff.PatchAsync($"/api/cases/{caseId}/needs", new StringContent("[1]", Encoding.UTF8, "application/merge-patch+json")),
            HttpStatusCode.UnprocessableEntity,
            ProblemTypes.Validation);
        await Problems.AssertAsync(
            await staff.PatchAsync($"/api/cases/{caseId}/needs", new StringContent("{", Encoding.UTF8, "application/merge-patch+json")),
            HttpStatusCode.BadRequest,
            ProblemTypes.BadRequest);
        await Problems.AssertAsync(
            await app.Staff("cm-menden").PatchAsync($"/api/cases/{caseId}/needs", new StringContent("{}", Encoding.UTF8, "application/merge-patch+json")),
            HttpStatusCode.NotFound,
            ProblemTypes.NotFound);

        Assert.Equal("+49 2351 1234", patched.GetProperty("client").GetProperty("phone").GetString());
        Assert.Equal("2026-12-31", patched.GetProperty("client").GetProperty("benefitPeriodEnds").GetString());
        Assert.Equal("Amira", patched.GetProperty("client").GetProperty("givenName").GetString());
        Assert.Equal("Wohnung", needs.GetProperty("needs").GetProperty("text").GetString());
        Assert.Equal("language", needs.GetProperty("needs").GetProperty("lifeDomains")[0].GetString());
        Assert.NotNull(unknown.GetProperty("detail").GetString());
    }

    [Fact(Timeout = Timeout)]
    public async Task Assigning_takes_only_a_case_manager_of_the_municipality_and_the_list_filters_by_it()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var assigned = await CaseKit.OpenAsync(staff);
        var other = await CaseKit.OpenAsync(staff);

        await Problems.AssertAsync(
            await staff.PostAsJsonAsync($"/api/cases/{assigned}/assign", new { caseManagerId = "cm-iserlohn" }), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        await Problems.AssertAsync(
            await staff.PostAsJsonAsync($"/api/cases/{assigned}/assign", new { caseManagerId = "coord-mk" }), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        var done = await CaseKit.OkAsync(await staff.PostAsJsonAsync($"/api/cases/{assigned}/assign", new { caseManagerId = CaseKit.Luedenscheid }));
        var mine = await CaseKit.OkAsync(await staff.GetAsync($"/api/cases?assignee={CaseKit.Luedenscheid}"));
        var referred = await CaseKit.OkAsync(await staff.GetAsync("/api/cases?state=referred&overdue=false"));
        var iserlohn = await CaseKit.OkAsync(await app.Staff("cm-iserlohn").GetAsync("/api/cases"));
        var badState = await Problems.AssertAsync(await staff.GetAsync("/api/cases?state=sleeping"), HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);

        Assert.Equal(CaseKit.Luedenscheid, done.GetProperty("assignee").GetString());
        var mineIds = Ids(mine);
        Assert.Contains(assigned, mineIds);
        Assert.DoesNotContain(other, mineIds);
        Assert.All(mine.GetProperty("items").EnumerateArray(), i => Assert.Equal(CaseKit.Luedenscheid, i.GetProperty("assignee").GetString()));
        Assert.Contains(assigned, Ids(referred));
        Assert.Contains(other, Ids(referred));
        Assert.DoesNotContain(assigned, Ids(iserlohn));
        Assert.Contains("state", Problems.ErrorFields(badState));
    }

    [Fact(Timeout = Timeout)]
    public async Task The_case_list_is_paged_with_a_continuation_token()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var opened = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            opened.Add(await CaseKit.OpenAsync(staff));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await CaseKit.OkAsync(await staff.GetAsync("/api/cases?pageSize=2" + (token is null ? "" : "&continuationToken=" + token)));
            Assert.InRange(page.GetProperty("items").GetArrayLength(), 0, 2);
            seen.AddRange(Ids(page));
            token = page.GetProperty("continuationToken").GetString();
            pages++;
        }
        while (token is not null && pages < 100);

        Assert.Null(token);
        Assert.True(pages >= 2);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal(seen.Distinct(), seen);
        Assert.All(opened, id => Assert.Contains(id, seen));
    }

    private static List<string> Ids(System.Text.Json.JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("caseId").GetString()!)];

    [Fact(Timeout = Timeout)]
    public async Task The_OpenAPI_document_describes_the_case_routes()
    {
        await using var app = new KimApp(azurite);

        var document = await CaseKit.OkAsync(await app.Anonymous().GetAsync("/openapi/v1.json"));

        var paths = document.GetProperty("paths");
        foreach (var (path, method) in new[]
        {
            ("/api/cases", "post"), ("/api/cases", "get"), ("/api/cases/{caseId}", "get"), ("/api/cases/{caseId}/client", "patch"),
            ("/api/cases/{caseId}/timeline", "get"), ("/api/cases/{caseId}/transitions/{transition}", "post"),
            ("/api/cases/{caseId}/referrals/{referralId}/response", "post"), ("/api/cases/{caseId}/handovers", "post"),
            ("/api/cases/{caseId}/handovers/{handoverId}/steps/{step}/confirm", "post"), ("/api/followups", "get"),
            ("/api/cases/{caseId}/documents", "post"), ("/api/cases/{caseId}/documents/{documentId}", "get"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not documented");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not documented");
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("operationId").GetString()));
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
        }
    }
}
