namespace Kim.Api.Access;

/// <summary>The authentication schemes: partners by API key, staff by principal, bearer token or development sign-in.</summary>
public static class KimAuthenticationSchemes
{
    public const string ApiKey = "ApiKey";
    public const string Staff = "Staff";

    /// <summary>Validates staff bearer tokens (JWT) of the configured OpenID Connect issuer; only <see cref="Staff"/> calls it.</summary>
    public const string OidcBearer = "OidcBearer";

    /// <summary>The default: picks <see cref="ApiKey"/> when the request carries a key, else <see cref="Staff"/>.</summary>
    public const string Caller = "Caller";

    public const string ApiKeyHeader = "X-Api-Key";
    public const string DevelopmentUserHeader = "X-Kim-User";
    public const string ClientPrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
}
