using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Core;
using Kim.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Kim.Api.Tests.Access;

/// <summary>
/// Staff bearer tokens on the real app: Kim fetches the issuer's metadata and keys from a loopback
/// issuer the test runs, validates each token itself and looks its object id up in the staff records.
/// </summary>
public sealed class OidcBearerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Timeout = 60_000;
    private const string Audience = "api://kim-test";
    private const string ObjectId = "6f1c2b9e-0d4a-4f57-9a3e-2b8c1d7e5a10";

    [Fact(Timeout = Timeout)]
    public async Task A_valid_token_of_a_known_person_signs_in_and_forged_expired_foreign_or_unknown_ones_get_401()
    {
        await using var issuer = await OidcIssuer.StartAsync();
        // The token lifetimes are real time, so Kim's clock is too.
        await using var app = new KimApp(azurite, DateTimeOffset.UtcNow, new Dictionary<string, string?>
        {
            ["Kim:Auth:Oidc:Authority"] = issuer.Authority,
            ["Kim:Auth:Oidc:Audience"] = Audience,
        });
        await app.Services.GetRequiredService<IAccessDirectory>().UpsertStaffAsync(
            new StaffMember("cm-oidc", "Case manager signed in by OIDC", "cm-oidc@example.org", StaffRole.CaseManager, "mk", "luedenscheid", ObjectId),
            CancellationToken.None);
        using var otherKey = RSA.Create(2048);
        var forger = new RsaSecurityKey(otherKey) { KeyId = OidcIssuer.KeyId };
        Claim[] person = [new("oid", ObjectId), new("name", "Fallmanagerin")];

        using var valid = await CallAsync(app, issuer.Token(Audience, person));
        using var forged = await CallAsync(app, issuer.Token(Audience, person, signingKey: forger));
        using var expired = await CallAsync(app, issuer.Token(Audience, person, expires: DateTime.UtcNow.AddMinutes(-10)));
        using var foreign = await CallAsync(app, issuer.Token("api://another-app", person));
        using var unknown = await CallAsync(app, issuer.Token(Audience, [new("oid", Guid.NewGuid().ToString())]));
        using var noObjectId = await CallAsync(app, issuer.Token(Audience, [new("sub", ObjectId)]));

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        foreach (var refused in new[] { forged, expired, foreign, unknown, noObjectId })
        {
            await Problems.AssertAsync(refused, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        }
    }

    [Fact(Timeout = Timeout)]
    public async Task The_staff_id_claim_is_configurable_for_issuers_that_name_a_person_by_sub()
    {
        await using var issuer = await OidcIssuer.StartAsync();
        await using var app = new KimApp(azurite, DateTimeOffset.UtcNow, new Dictionary<string, string?>
        {
            ["Kim:Auth:Oidc:Authority"] = issuer.Authority,
            ["Kim:Auth:Oidc:Audience"] = Audience,
            ["Kim:Auth:Oidc:StaffIdClaim"] = "sub",
        });
        await app.Services.GetRequiredService<IAccessDirectory>().UpsertStaffAsync(
            new StaffMember("cm-keycloak", "Case manager signed in by Keycloak", "cm-keycloak@example.org", StaffRole.CaseManager, "mk", "iserlohn", "f:1234:maria"),
            CancellationToken.None);

        using var bySub = await CallAsync(app, issuer.Token(Audience, [new("sub", "f:1234:maria")]));
        using var byOid = await CallAsync(app, issuer.Token(Audience, [new("oid", "f:1234:maria")]));

        Assert.Equal(HttpStatusCode.OK, bySub.StatusCode);
        await Problems.AssertAsync(byOid, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
    }

    [Fact]
    public void An_authority_over_plain_http_is_refused_unless_it_is_a_loopback_address()
    {
        var remote = Assert.Throws<InvalidSettingException>(() =>
            OidcBearer.Validate(new KimOidcOptions { Authority = "http://login.kreis.example/realms/kim", Audience = Audience }));
        Assert.StartsWith("Kim__Auth__Oidc__Authority", remote.Message, StringComparison.Ordinal);
        var noAudience = Assert.Throws<InvalidSettingException>(() =>
            OidcBearer.Validate(new KimOidcOptions { Authority = "https://login.kreis.example/realms/kim" }));
        Assert.StartsWith("Kim__Auth__Oidc__Audience", noAudience.Message, StringComparison.Ordinal);
        OidcBearer.Validate(new KimOidcOptions { Authority = "http://127.0.0.1:8080/realms/kim", Audience = Audience });
        OidcBearer.Validate(new KimOidcOptions { Authority = "https://login.microsoftonline.com/tenant/v2.0", Audience = Audience });
    }

    private static async Task<HttpResponseMessage> CallAsync(KimApp app, string token)
    {
        using var http = app.Anonymous();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.GetAsync(new Uri("/api/cases", UriKind.Relative));
    }
}
