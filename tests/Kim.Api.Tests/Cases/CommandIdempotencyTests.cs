using System.Net;
using System.Net.Http.Json;
using Kim.Api.Cases;
using Kim.Api.Http;
using Kim.Testing;

namespace Kim.Api.Tests.Cases;

/// <summary>
/// Staff commands sent again under the same <c>Idempotency-Key</c> (a client that lost the answer
/// and retries) are applied once and answered as the first time; through real HTTP on Azurite.
/// </summary>
public sealed class CommandIdempotencyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Timeout = 60_000;

    [Fact(Timeout = Timeout)]
    public async Task A_resent_contact_is_recorded_once_and_answered_with_the_first_location_even_after_other_contacts()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.AcceptedAsync(staff);
        var contact = new { at = "2026-11-02T09:00:00+01:00", channel = "phone", note = "Termin vereinbart" };

        using var first = await staff.SendAsync(Keyed(HttpMethod.Post, $"/api/cases/{caseId}/contacts", contact, "retry-1"));
        var firstId = await CaseKit.CreatedIdAsync(first);
        await CaseKit.CreatedIdAsync(await staff.PostAsJsonAsync($"/api/cases/{caseId}/contacts", new { at = "2026-11-03T09:00:00+01:00", channel = "in-person" }));
        using var again = await staff.SendAsync(Keyed(HttpMethod.Post, $"/api/cases/{caseId}/contacts", contact, "retry-1"));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(firstId, await CaseKit.CreatedIdAsync(again));
        var contacts = (await CaseKit.GetCaseAsync(staff, caseId)).GetProperty("contacts");
        Assert.Equal(2, contacts.GetArrayLength());
        Assert.Single(contacts.EnumerateArray(), c => c.TryGetProperty("note", out var note) && note.GetString() == "Termin vereinbart");
    }

    [Fact(Timeout = Timeout)]
    public async Task A_resent_transition_answers_the_case_instead_of_409_and_a_reused_key_or_a_bad_one_is_422()
    {
        await using var app = new KimApp(azurite);
        using var staff = app.Staff(CaseKit.Luedenscheid);
        var caseId = await CaseKit.OpenAsync(staff);

        var cleared = await CaseKit.OkAsync(await staff.SendAsync(Keyed(HttpMethod.Post, $"/api/cases/{caseId}/transitions/start-clearing", null, "clear-1")));
        var repeated = await CaseKit.OkAsync(await staff.SendAsync(Keyed(HttpMethod.Post, $"/api/cases/{caseId}/transitions/start-clearing", null, "clear-1")));
        await Problems.AssertAsync(await staff.PostAsync($"/api/cases/{caseId}/transitions/start-clearing", null), HttpStatusCode.Conflict, ProblemTypes.IllegalTransition);
        await Problems.AssertAsync(
            await staff.SendAsync(Keyed(HttpMethod.Post, $"/api/cases/{caseId}/transitions/accept", null, "clear-1")), HttpStatusCode.UnprocessableEntity, ProblemTypes.IdempotencyKeyReused);
        await Problems.AssertAsync(
            await staff.SendAsync(Keyed(HttpMethod.Post, $"/api/cases/{caseId}/followups", new { dueAt = "2026-11-20", note = "a" }, new string('k', 201))),
            HttpStatusCode.UnprocessableEntity,
            ProblemTypes.Validation);

        Assert.Equal("clearing", cleared.GetProperty("state").GetString());
        Assert.Equal("clearing", repeated.GetProperty("state").GetString());
        var timeline = await CaseKit.OkAsync(await staff.GetAsync($"/api/cases/{caseId}/timeline"));
        Assert.Single(timeline.GetProperty("items").EnumerateArray(), e => e.ToString().Contains("start-clearing", StringComparison.Ordinal));
        Assert.Equal(0, (await CaseKit.GetCaseAsync(staff, caseId)).GetProperty("followUps").GetArrayLength());
    }

    private static HttpRequestMessage Keyed(HttpMethod method, string path, object? body, string key)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation(CommandIdempotency.Header, key);
        return request;
    }
}
