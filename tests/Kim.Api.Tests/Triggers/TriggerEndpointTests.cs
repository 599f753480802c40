using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kim.Testing;

namespace Kim.Api.Tests.Triggers;

/// <summary>The timer trigger endpoint the Azure Functions host (custom handler) posts to.</summary>
public sealed class TriggerEndpointTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>What the app does under the Functions host, where the host posts the triggers.</summary>
    private static readonly Dictionary<string, string?> UnderTheHost = new() { ["Kim:Hosting:TriggerEndpoints"] = "true" };

    [Fact(Timeout = 60_000)]
    public async Task Standalone_the_trigger_endpoints_do_not_exist_so_nobody_can_trigger_work_as_the_system()
    {
        await using var app = new KimApp(azurite);
        using var http = app.Anonymous();

        using var work = await http.PostAsJsonAsync("/work", new { Data = new { }, Metadata = new { DequeueCount = 1 } });
        using var reminders = await http.PostAsJsonAsync("/reminders", new { Data = new { }, Metadata = new { } });

        Assert.Equal(HttpStatusCode.NotFound, work.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reminders.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_reminder_invocation_is_handled_and_answered_in_the_shape_the_host_expects()
    {
        await using var app = new KimApp(azurite, settings: UnderTheHost);
        using var http = app.Anonymous();

        using var response = await http.PostAsJsonAsync("/reminders", new { Data = new { }, Metadata = new { } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.TryGetProperty("Outputs", out _));
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("ReturnValue").ValueKind);
    }
}
