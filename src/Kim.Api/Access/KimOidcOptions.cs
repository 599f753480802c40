namespace Kim.Api.Access;

/// <summary>
/// Settings under <c>Kim:Auth:Oidc</c> (API.md, "Who is calling"): staff bearer tokens from an
/// OpenID Connect issuer (Entra ID, a Kreis's Keycloak …) that Kim validates itself. Off while
/// <see cref="Authority"/> is unset.
/// </summary>
public sealed class KimOidcOptions
{
    /// <summary>The issuer's base URL; its metadata is at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience Kim's tokens carry (<c>aud</c>); required with an authority, or tokens meant for any other application of the issuer would do.</summary>
    public string? Audience { get; set; }

    /// <summary>
    /// The claim that names the person, looked up in the staff records' object id: <c>oid</c> for
    /// Entra ID (stable across applications), <c>sub</c> for issuers such as Keycloak.
    /// </summary>
    public string StaffIdClaim { get; set; } = "oid";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority);
}
