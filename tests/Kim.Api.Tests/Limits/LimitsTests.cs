using System.Net;
using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Testing;

namespace Kim.Api.Tests.Limits;

/// <summary>Per-caller request limits and the daily intake quota on the real app and Azurite, with small limits set as an operator would.</summary>
public sealed class LimitsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Timeout = 60_000;

    [Fact(Timeout = Timeout)]
    public async Task Past_a_partners_request_limit_the_answer_is_429_with_retry_after_and_other_callers_go_on()
    {
        await using var app = new KimApp(azurite, settings: new Dictionary<string, string?>
        {
            ["Kim:Limits:Partners:jobcenter-mk:RequestsPerMinute"] = "3",
        });
        using var jobCentre = app.Partner(DemoData.JobCentreKey);
        using var caritas = app.Partner(DemoData.CaritasKey);

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await jobCentre.GetAsync(new Uri("/api/intake/c-unknown", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode);
        }

        using var refused = await jobCentre.GetAsync(new Uri("/api/intake/c-unknown", UriKind.Relative));
        using var other = await caritas.GetAsync(new Uri("/api/intake/c-unknown", UriKind.Relative));

        var problem = await Problems.AssertAsync(refused, HttpStatusCode.TooManyRequests, ProblemTypes.TooManyRequests);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
        Assert.Equal((long)retryAfter.Value.TotalSeconds, problem.GetProperty("retryAfter").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact(Timeout = Timeout)]
    public async Task The_daily_intake_quota_holds_across_a_restart_and_frees_up_at_midnight_in_Berlin()
    {
        // 08:00 in Berlin: 16 hours to the next day.
        var morning = new DateTimeOffset(2026, 11, 3, 8, 0, 0, TimeSpan.FromHours(1));
        var settings = new Dictionary<string, string?> { ["Kim:Limits:Partners:jobcenter-mk:IntakesPerDay"] = "2" };
        await using (var app = new KimApp(azurite, morning, settings))
        {
            using var http = app.Anonymous();
            await AcceptedAsync(http, "QUOTA-1");
            await AcceptedAsync(http, "QUOTA-2");

            using var refused = await http.SendAsync(IntakeRequests.Json(IntakeRequests.Full("QUOTA-3")));
            var problem = await Problems.AssertAsync(refused, HttpStatusCode.TooManyRequests, ProblemTypes.TooManyRequests);
            Assert.Equal(TimeSpan.FromHours(16), refused.Headers.RetryAfter?.Delta);
            Assert.Equal(16 * 3600, problem.GetProperty("retryAfter").GetInt64());
            await AcceptedAsync(http, "QUOTA-OTHER", DemoData.CaritasKey);
        }

        await using var restarted = new KimApp(azurite, morning.AddHours(15), settings);
        using var again = restarted.Anonymous();
        using var stillRefused = await again.SendAsync(IntakeRequests.Json(IntakeRequests.Full("QUOTA-3")));
        await Problems.AssertAsync(stillRefused, HttpStatusCode.TooManyRequests, ProblemTypes.TooManyRequests);
        Assert.Equal(TimeSpan.FromHours(1), stillRefused.Headers.RetryAfter?.Delta);

        restarted.Clock.Advance(TimeSpan.FromHours(1));
        await AcceptedAsync(again, "QUOTA-3");
    }

    private static async Task AcceptedAsync(HttpClient http, string reference, string apiKey = DemoData.JobCentreKey)
    {
        using var response = await http.SendAsync(IntakeRequests.Json(IntakeRequests.Full(reference), apiKey));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {body}");
    }
}
