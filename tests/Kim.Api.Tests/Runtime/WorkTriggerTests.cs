using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kim.Testing;

namespace Kim.Api.Tests.Runtime;

/// <summary>The queue trigger endpoint the Azure Functions host posts work messages to.</summary>
public sealed class WorkTriggerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact(Timeout = 60_000)]
    public async Task An_invocation_is_handled_and_answered_in_the_shape_the_host_expects()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();
        // A timer for an instance that does not exist: the handler drops it and acknowledges.
        var work = """{"kind":"timer","instanceId":"c-none","timerId":"t","dueAt":"2026-11-01T00:00:00+00:00","generation":1,"sequence":1}""";

        using var response = await http.PostAsJsonAsync("/work", new { Data = new { message = work }, Metadata = new { DequeueCount = "1" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.TryGetProperty("Outputs", out _));
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("ReturnValue").ValueKind);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_invocation_without_a_message_is_a_400_problem()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();

        using var response = await http.PostAsJsonAsync("/work", new { Data = new { }, Metadata = new { } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
