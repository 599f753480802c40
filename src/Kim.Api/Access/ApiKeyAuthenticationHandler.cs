using System.Text.Encodings.Web;
using Kim.Api.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Kim.Api.Access;

/// <summary>
/// Partners: the stored form of <c>X-Api-Key</c> is found by the key's id and compared with the
/// salted hash; the key counts only while its partner is active and names it among its valid keys
/// (read on every request, so a revocation or deactivation holds at once). A missing and a wrong
/// key get the same 401, so that the answer tells a prober nothing.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IAccessDirectory directory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>Far above a real key; longer values are refused before hashing.</summary>
    private const int MaxKeyLength = 512;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Headers[KimAuthenticationSchemes.ApiKeyHeader];
        if (values.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return AuthenticateResult.Fail("unusable API key header");
        }

        var partner = await directory.FindPartnerByApiKeyAsync(key, Context.RequestAborted);
        if (partner is null)
        {
            AccessLogs.UnknownApiKey(Logger);
            return AuthenticateResult.Fail("unknown API key");
        }

        Context.Features.Set(new CallerFeature { Partner = partner });
        return AuthenticateResult.Success(new AuthenticationTicket(partner.ToPrincipal(Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{KimAuthenticationSchemes.ApiKeyHeader}\"";
        return KimProblems.WriteAsync(Context, KimProblems.Create(ProblemTypes.Unauthorized, StatusCodes.Status401Unauthorized,
            $"Send a valid partner API key in the {KimAuthenticationSchemes.ApiKeyHeader} header."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        KimProblems.WriteAsync(Context, KimProblems.Create(ProblemTypes.Forbidden, StatusCodes.Status403Forbidden,
            "Partners may not use this route."));
}
