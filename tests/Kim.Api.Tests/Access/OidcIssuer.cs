using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Kim.Api.Tests.Access;

/// <summary>
/// An OpenID Connect issuer on a loopback Kestrel: it publishes its metadata
/// (<c>/.well-known/openid-configuration</c>) and its signing key (JWKS), and signs tokens with it.
/// </summary>
internal sealed class OidcIssuer : IAsyncDisposable
{
    public const string KeyId = "kim-test-key";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private OidcIssuer(WebApplication app, RsaSecurityKey key, string authority)
    {
        _app = app;
        _key = key;
        Authority = authority;
    }

    /// <summary>The issuer URL, also the <c>iss</c> of its tokens.</summary>
    public string Authority { get; }

    public static async Task<OidcIssuer> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = KeyId };
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var publicKey = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = KeyId });
        app.MapGet("/.well-known/openid-configuration", (HttpContext context) =>
        {
            var issuer = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer,
                ["jwks_uri"] = issuer + "/jwks",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        app.MapGet("/jwks", () => Results.Json(new { keys = new[] { new { kty = publicKey.Kty, use = "sig", kid = publicKey.Kid, alg = "RS256", n = publicKey.N, e = publicKey.E } } }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new OidcIssuer(app, key, address.TrimEnd('/'));
    }

    /// <summary>A token of this issuer (signed by its key unless <paramref name="signingKey"/> is another).</summary>
    public string Token(
        string audience, IEnumerable<Claim> claims, DateTime? expires = null, RsaSecurityKey? signingKey = null)
    {
        var now = DateTime.UtcNow;
        var exp = expires ?? now.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = exp < now ? exp.AddHours(-1) : now.AddMinutes(-1),
            IssuedAt = exp < now ? exp.AddHours(-1) : now.AddMinutes(-1),
            Expires = exp,
            SigningCredentials = new SigningCredentials(signingKey ?? _key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }
}
