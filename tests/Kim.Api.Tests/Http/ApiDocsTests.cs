using System.Net;
using Kim.Testing;

namespace Kim.Api.Tests.Http;

/// <summary><c>GET /api/docs</c>: the interactive reference over the OpenAPI document, for anyone, in every environment.</summary>
public sealed class ApiDocsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task The_app_serves_an_HTML_reference_of_its_OpenAPI_document_without_sign_in()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();

        await AssertReferencePageAsync(http);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_reference_is_there_outside_Development_too()
    {
        await using var host = await KimApiHost.StartAsync(environment: "Production");

        await AssertReferencePageAsync(host.Client);
    }

    private static async Task AssertReferencePageAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/api/docs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();

        // The library names the document relative to the app's root: /openapi/v1.json.
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        using var script = await http.GetAsync(new Uri(response.RequestMessage!.RequestUri!, "scalar.js"));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        using var document = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal("application/json", document.Content.Headers.ContentType?.MediaType);
    }
}
