using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kim.Testing;

namespace Kim.Api.Tests.Triggers;

/// <summary>The queue trigger endpoint the Azure Functions host posts work messages to.</summary>
public sealed class WorkTriggerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>What the app does under the Functions host, where the host posts the triggers.</summary>
    private static readonly Dictionary<string, string?> UnderTheHost = new() { ["Kim:Hosting:TriggerEndpoints"] = "true" };

    [Fact(Timeout = 60_000)]
    public async Task Standalone_the_trigger_endpoints_do_not_exist_so_nobody_can_post_work_as_the_system()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();
        var closeAnyCase = """{"kind":"delivery","instanceId":"c-any","event":{"kind":"raised","name":"close","eventId":"x","at":"2026-11-02T08:00:00+01:00","actor":"cm-luedenscheid"}}""";

        using var work = await http.PostAsJsonAsync("/work", new { Data = new { message = closeAnyCase }, Metadata = new { DequeueCount = 1 } });
        using var reminders = await http.PostAsJsonAsync("/reminders", new { Data = new { }, Metadata = new { } });

        Assert.Equal(HttpStatusCode.NotFound, work.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reminders.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_invocation_is_handled_and_answered_in_the_shape_the_host_expects()
    {
        await using var app = new KimApp(azurite, settings: UnderTheHost);
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
        await using var app = new KimApp(azurite, settings: UnderTheHost);
        using var http = app.Anonymous();

        using var response = await http.PostAsJsonAsync("/work", new { Data = new { }, Metadata = new { } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
