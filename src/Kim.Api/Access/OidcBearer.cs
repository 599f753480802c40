using Kim.Core;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Kim.Api.Access;

/// <summary>
/// How Kim validates staff bearer tokens with ASP.NET Core's JWT bearer handler: signature by a key
/// of the issuer's published JWKS, issuer, audience and lifetime. The handler only validates; the
/// staff record is looked up by <see cref="StaffAuthenticationHandler"/>, as for every staff sign-in.
/// </summary>
public static class OidcBearer
{
    /// <summary>
    /// Checks the settings, so that start-up stops with what to set: an absolute authority, https
    /// unless it is a loopback address, and an audience.
    /// </summary>
    /// <exception cref="InvalidSettingException">The settings are incomplete or unsafe.</exception>
    public static void Validate(KimOidcOptions oidc)
    {
        ArgumentNullException.ThrowIfNull(oidc);
        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
            || (authority.Scheme != Uri.UriSchemeHttps && !(authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback)))
        {
            throw new InvalidSettingException(
                $"Kim__Auth__Oidc__Authority '{oidc.Authority}' is not an https URL (plain http is accepted for a loopback address only).");
        }

        if (string.IsNullOrWhiteSpace(oidc.Audience))
        {
            throw new InvalidSettingException(
                "Kim__Auth__Oidc__Audience is not set: without it Kim would accept tokens the issuer made for any other application.");
        }

        if (string.IsNullOrWhiteSpace(oidc.StaffIdClaim))
        {
            throw new InvalidSettingException("Kim__Auth__Oidc__StaffIdClaim is empty: name the claim that identifies a person (oid or sub).");
        }
    }

    /// <summary>Applies <paramref name="oidc"/> (validated) to the handler's options.</summary>
    public static void Configure(JwtBearerOptions options, KimOidcOptions oidc)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(oidc);
        var authority = new Uri(oidc.Authority!, UriKind.Absolute);
        options.Authority = oidc.Authority;
        options.Audience = oidc.Audience;

        // The metadata names the keys that sign tokens; fetched over plain http, anyone on the way
        // could hand Kim their own keys. On a loopback address there is no way in between (an
        // issuer beside Kim on the same machine, a test's issuer), so only there is http allowed.
        options.RequireHttpsMetadata = !authority.IsLoopback;

        // Claims as the issuer named them, so that "oid" and "sub" are found under those names.
        options.MapInboundClaims = false;
        options.TokenValidationParameters.ValidateIssuer = true;
        options.TokenValidationParameters.ValidateAudience = true;
        options.TokenValidationParameters.ValidateLifetime = true;
        options.TokenValidationParameters.RequireExpirationTime = true;
        options.TokenValidationParameters.RequireSignedTokens = true;
    }
}
