using System.Net;
using System.Text;
using System.Text.Json;
using Kim.Api.Access;
using Kim.Api.Http;

namespace Kim.Api.Tests.Access;

public sealed class AccessTests
{
    private const int Timeout = 30_000;

    [Fact(Timeout = Timeout)]
    public async Task Missing_and_wrong_API_keys_get_the_same_401()
    {
        await using var host = await KimApiHost.StartAsync();

        using var missing = await host.Client.SendAsync(IntakeRequests.Json(IntakeRequests.Minimal("ACC-1"), apiKey: null));
        using var wrong = await host.Client.SendAsync(IntakeRequests.Json(IntakeRequests.Minimal("ACC-1"), apiKey: "not-a-key"));

        var first = await Problems.AssertAsync(missing, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        var second = await Problems.AssertAsync(wrong, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        Assert.Equal(WithoutTraceId(first), WithoutTraceId(second));
        Assert.Equal(missing.Headers.WwwAuthenticate.ToString(), wrong.Headers.WwwAuthenticate.ToString());
        Assert.Empty(host.Sink.Intakes);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_known_development_user_reaches_a_route_of_their_role()
    {
        await using var host = await KimApiHost.StartAsync();

        using var response = await host.Client.SendAsync(KimApiHost.Request(HttpMethod.Get, "/test/case-manager", staffId: "cm-iserlohn"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cm-iserlohn", await response.Content.ReadAsStringAsync());
    }

    [Fact(Timeout = Timeout)]
    public async Task An_unknown_development_user_is_401()
    {
        await using var host = await KimApiHost.StartAsync();

        using var response = await host.Client.SendAsync(KimApiHost.Request(HttpMethod.Get, "/test/case-manager", staffId: "cm-nowhere"));

        await Problems.AssertAsync(response, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    [Fact(Timeout = Timeout)]
    public async Task The_development_user_header_is_ignored_outside_Development()
    {
        await using var host = await KimApiHost.StartAsync(environment: "Production");

        using var response = await host.Client.SendAsync(KimApiHost.Request(HttpMethod.Get, "/test/case-manager", staffId: "cm-luedenscheid"));

        await Problems.AssertAsync(response, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    [Fact(Timeout = Timeout)]
    public async Task The_App_Service_principal_is_trusted_only_when_the_setting_is_on()
    {
        await using var on = await KimApiHost.StartAsync("Production", new Dictionary<string, string?> { ["Kim:Auth:AppServiceAuthentication"] = "true" });
        await using var off = await KimApiHost.StartAsync("Production");
        foreach (var host in new[] { on, off })
        {
            await host.Directory.UpsertStaffAsync(
                DemoData.Staff[0] with { ObjectId = "5d0c7f7e-0000-4000-8000-000000000001" }, CancellationToken.None);
        }

        using var trusted = await on.Client.SendAsync(WithPrincipal("5d0c7f7e-0000-4000-8000-000000000001", longClaimType: true));
        using var shortClaim = await on.Client.SendAsync(WithPrincipal("5d0c7f7e-0000-4000-8000-000000000001", longClaimType: false));
        using var ignored = await off.Client.SendAsync(WithPrincipal("5d0c7f7e-0000-4000-8000-000000000001", longClaimType: true));

        Assert.Equal(HttpStatusCode.OK, trusted.StatusCode);
        Assert.Equal(DemoData.Staff[0].Id, await trusted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, shortClaim.StatusCode);
        await Problems.AssertAsync(ignored, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    [Fact(Timeout = Timeout)]
    public async Task An_App_Service_principal_unknown_to_Kim_or_unreadable_is_401()
    {
        await using var host = await KimApiHost.StartAsync("Production", new Dictionary<string, string?> { ["Kim:Auth:AppServiceAuthentication"] = "true" });

        using var unknown = await host.Client.SendAsync(WithPrincipal("00000000-0000-4000-8000-00000000dead", longClaimType: true));
        using var garbage = KimApiHost.Request(HttpMethod.Get, "/test/case-manager");
        garbage.Headers.Add(KimAuthenticationSchemes.ClientPrincipalHeader, "%%% not base64 %%%");
        using var unreadable = await host.Client.SendAsync(garbage);

        await Problems.AssertAsync(unknown, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        await Problems.AssertAsync(unreadable, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_coordinator_on_a_case_manager_route_is_403()
    {
        await using var host = await KimApiHost.StartAsync();

        using var response = await host.Client.SendAsync(KimApiHost.Request(HttpMethod.Get, "/test/case-manager", staffId: "coord-mk"));

        await Problems.AssertAsync(response, HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_partner_key_on_a_staff_route_is_401()
    {
        await using var host = await KimApiHost.StartAsync();

        using var response = await host.Client.SendAsync(KimApiHost.Request(HttpMethod.Get, "/test/case-manager", apiKey: DemoData.JobCentreKey));

        await Problems.AssertAsync(response, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    [Fact(Timeout = Timeout)]
    public async Task A_staff_member_on_the_partner_route_is_401()
    {
        await using var host = await KimApiHost.StartAsync();
        using var request = IntakeRequests.Json(IntakeRequests.Minimal("ACC-2"), apiKey: null);
        request.Headers.Add(KimAuthenticationSchemes.DevelopmentUserHeader, "cm-luedenscheid");

        using var response = await host.Client.SendAsync(request);

        await Problems.AssertAsync(response, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    private static HttpRequestMessage WithPrincipal(string objectId, bool longClaimType)
    {
        var principal = new
        {
            auth_typ = "aad",
            claims = new[]
            {
                new { typ = "name", val = "Someone" },
                new { typ = longClaimType ? ClientPrincipal.ObjectIdClaimTypes[0] : "oid", val = objectId },
            },
            name_typ = "name",
            role_typ = "roles",
        };
        var request = KimApiHost.Request(HttpMethod.Get, "/test/case-manager");
        request.Headers.Add(KimAuthenticationSchemes.ClientPrincipalHeader,
            Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(principal))));
        return request;
    }

    private static string WithoutTraceId(JsonElement problem) =>
        JsonSerializer.Serialize(problem.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value));
}
