using System.Net;
using System.Text;
using Kim.Api.Http;

namespace Kim.Api.Tests.Http;

public sealed class ProblemDetailsTests : IClassFixture<Intake.IntakeHostFixture>
{
    private const int Timeout = 30_000;
    private readonly KimApiHost _host;

    public ProblemDetailsTests(Intake.IntakeHostFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _host = fixture.Host;
    }

    [Fact(Timeout = Timeout)]
    public async Task An_unknown_route_is_a_404_problem()
    {
        using var response = await _host.Client.SendAsync(KimApiHost.Request(HttpMethod.Get, "/api/nothing-here"));

        await Problems.AssertAsync(response, HttpStatusCode.NotFound, ProblemTypes.NotFound);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_wrong_method_is_a_405_problem()
    {
        using var response = await _host.Client.SendAsync(KimApiHost.Request(HttpMethod.Delete, "/api/intake"));

        await Problems.AssertAsync(response, HttpStatusCode.MethodNotAllowed, ProblemTypes.MethodNotAllowed);
    }

    [Fact(Timeout = Timeout)]
    public async Task An_unhandled_exception_is_a_500_problem_without_internals()
    {
        using var response = await _host.Client.SendAsync(KimApiHost.Request(HttpMethod.Get, "/test/cases/boom", staffId: "cm-menden"));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.InternalServerError, ProblemTypes.Internal);
        var body = problem.GetRawText();
        Assert.DoesNotContain("secret internals", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact(Timeout = Timeout)]
    public async Task A_JSON_body_over_the_group_limit_is_a_413_problem()
    {
        using var request = KimApiHost.Request(HttpMethod.Post, "/test/cases/note", staffId: "cm-menden");
        request.Content = new StringContent($$"""{"text":"{{new string('x', (int)KimLimits.JsonBodyBytes)}}"}""", Encoding.UTF8, "application/json");

        using var response = await _host.Client.SendAsync(request);

        await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
    }

    [Fact(Timeout = Timeout)]
    public async Task Malformed_JSON_for_a_bound_body_is_a_400_problem()
    {
        using var request = KimApiHost.Request(HttpMethod.Post, "/test/cases/note", staffId: "cm-menden");
        request.Content = new StringContent("{\"text\": ", Encoding.UTF8, "application/json");

        using var response = await _host.Client.SendAsync(request);

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, ProblemTypes.BadRequest);
    }

    [Fact(Timeout = Timeout)]
    public async Task An_illegal_transition_is_a_409_problem_with_the_current_state()
    {
        using var response = await _host.Client.SendAsync(KimApiHost.Request(HttpMethod.Post, "/test/cases/transition", staffId: "cm-menden"));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.Conflict, ProblemTypes.IllegalTransition);
        Assert.Equal("referred", problem.GetProperty("currentState").GetString());
    }

    [Fact(Timeout = Timeout)]
    public async Task A_validation_problem_lists_fields_with_messages()
    {
        using var response = await _host.Client.SendAsync(IntakeRequests.Json([new("partnerReference", "SHAPE-1")]));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, ProblemTypes.Validation);
        var messages = problem.GetProperty("errors").GetProperty("client.givenName");
        Assert.StartsWith("is required", Assert.Single(messages.EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task The_OpenAPI_document_describes_the_intake_and_its_security()
    {
        using var response = await _host.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var document = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"SubmitIntake\"", document, StringComparison.Ordinal);
        Assert.Contains("\"X-Api-Key\"", document, StringComparison.Ordinal);
        Assert.Contains("\"X-Kim-User\"", document, StringComparison.Ordinal);
        Assert.Contains("multipart/form-data", document, StringComparison.Ordinal);
        Assert.Contains("\"Idempotency-Key\"", document, StringComparison.Ordinal);
        Assert.Contains("\"client.givenName\"", document, StringComparison.Ordinal);
        Assert.Contains("\"binary\"", document, StringComparison.Ordinal);
    }
}
