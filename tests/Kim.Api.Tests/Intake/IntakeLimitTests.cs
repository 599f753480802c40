using System.Net;
using System.Net.Http.Headers;
using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Testing;

namespace Kim.Api.Tests.Intake;

/// <summary>Upload limits, with small limits set through configuration as an operator would.</summary>
public sealed class IntakeLimitTests
{
    private const int Timeout = 30_000;

    private static Task<KimApiHost> StartAsync() => KimApiHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Kim:Intake:MaxFileBytes"] = "1024",
        ["Kim:Intake:MaxFiles"] = "2",
    });

    [Fact(Timeout = Timeout)]
    public async Task A_file_over_the_limit_is_413_naming_it()
    {
        await using var host = await StartAsync();
        var big = IntakeRequests.PdfOf(1024 + 2048);

        using var response = await host.Client.SendAsync(IntakeRequests.Multipart(IntakeRequests.Full("LIMIT-1"),
            [("gross.pdf", "application/pdf", big)]));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
        Assert.Contains("gross.pdf", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1024, problem.GetProperty("limit").GetInt64());
        Assert.Empty(host.Sink.Intakes);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_file_at_the_limit_is_accepted()
    {
        await using var host = await StartAsync();
        var exact = IntakeRequests.PdfOf(1024);

        using var response = await host.Client.SendAsync(IntakeRequests.Multipart(IntakeRequests.Full("LIMIT-2"),
            [("genau.pdf", "application/pdf", exact)]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact(Timeout = Timeout)]
    public async Task More_files_than_allowed_is_413()
    {
        await using var host = await StartAsync();

        using var response = await host.Client.SendAsync(IntakeRequests.Multipart(IntakeRequests.Full("LIMIT-3"),
        [
            ("1.pdf", "application/pdf", IntakeRequests.Pdf),
            ("2.pdf", "application/pdf", IntakeRequests.Pdf),
            ("3.png", "image/png", IntakeRequests.Png),
        ]));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
        Assert.Equal(2, problem.GetProperty("limit").GetInt32());
        Assert.Empty(host.Sink.Intakes);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_multipart_intake_over_the_body_limit_is_413_before_its_body_is_sent()
    {
        await using var host = await StartAsync();
        var limit = 2 * 1024 + KimLimits.FormFieldsBytes;
        using var body = new GeneratedStream(limit + 1);
        using var request = KimApiHost.Request(HttpMethod.Post, "/api/intake", apiKey: DemoData.JobCentreKey);
        request.Content = new StreamContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=kim");
        request.Content.Headers.ContentLength = limit + 1;
        // With Expect: 100-continue the client sends the body only once the server asks for it, so
        // a body the server never reads is never sent, and the stream shows it.
        request.Headers.ExpectContinue = true;
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = host.Client.BaseAddress,
        };

        using var response = await client.SendAsync(request);

        var problem = await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemTypes.PayloadTooLarge);
        Assert.Equal(limit, problem.GetProperty("limit").GetInt64());
        Assert.Equal(0, body.TotalRead);
        Assert.Empty(host.Sink.Intakes);
    }
}
