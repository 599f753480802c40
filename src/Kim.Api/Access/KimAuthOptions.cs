namespace Kim.Api.Access;

/// <summary>Settings under <c>Kim:Auth</c>.</summary>
public sealed class KimAuthOptions
{
    public const string Section = "Kim:Auth";

    /// <summary>
    /// True only behind App Service Authentication, which strips any client-sent
    /// <c>X-MS-CLIENT-PRINCIPAL</c> and sets its own; anywhere else the header is forged at will.
    /// </summary>
    public bool AppServiceAuthentication { get; set; }

    /// <summary>Staff bearer tokens from an OpenID Connect issuer, under <c>Kim:Auth:Oidc</c>; off without an authority.</summary>
    public KimOidcOptions Oidc { get; set; } = new();
}
