using System.Text.Encodings.Web;
using Kim.Api.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kim.Api.Access;

/// <summary>
/// Staff: the App Service principal when <see cref="KimAuthOptions.AppServiceAuthentication"/> is on,
/// an OpenID Connect bearer token when <see cref="KimAuthOptions.Oidc"/> names an issuer (validated
/// by the JWT bearer handler), or in Development the <c>X-Kim-User</c> staff id. A principal, from
/// either platform or token, is looked up by its object id in one place, so every sign-in maps to
/// staff the same way. Anywhere else the headers are ignored: without the platform in front,
/// anyone can send them.
/// </summary>
internal sealed class StaffAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IAccessDirectory directory,
    IHostEnvironment environment,
    IOptionsMonitor<KimAuthOptions> authOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    private const int MaxStaffIdLength = 100;
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var auth = authOptions.CurrentValue;
        if (auth.AppServiceAuthentication
            && Request.Headers[KimAuthenticationSchemes.ClientPrincipalHeader] is { Count: > 0 } principalHeader)
        {
            return await FromClientPrincipalAsync(principalHeader.ToString());
        }

        if (auth.Oidc.IsEnabled
            && Request.Headers.Authorization.ToString().StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return await FromBearerTokenAsync(auth.Oidc.StaffIdClaim);
        }

        if (environment.IsDevelopment()
            && Request.Headers[KimAuthenticationSchemes.DevelopmentUserHeader] is { Count: > 0 } userHeader)
        {
            return await FromDevelopmentUserAsync(userHeader.ToString());
        }

        return AuthenticateResult.NoResult();
    }

    private async Task<AuthenticateResult> FromClientPrincipalAsync(string header)
    {
        var principal = ClientPrincipal.TryDecode(header, out var error);
        if (principal?.ObjectId is not { } objectId)
        {
            AccessLogs.UnreadablePrincipal(Logger, error ?? "no object id claim");
            return AuthenticateResult.Fail("unreadable client principal");
        }

        return await FromObjectIdAsync(objectId, KimAuthenticationSchemes.ClientPrincipalHeader);
    }

    /// <summary>The token's signature, issuer, audience and lifetime are the JWT bearer handler's to check.</summary>
    private async Task<AuthenticateResult> FromBearerTokenAsync(string staffIdClaim)
    {
        var validated = await Context.AuthenticateAsync(KimAuthenticationSchemes.OidcBearer);
        if (!validated.Succeeded)
        {
            AccessLogs.InvalidBearerToken(Logger, validated.Failure?.GetType().Name ?? "no token");
            return AuthenticateResult.Fail("invalid bearer token");
        }

        if (validated.Principal.FindFirst(staffIdClaim)?.Value is not { Length: > 0 } objectId)
        {
            AccessLogs.InvalidBearerToken(Logger, "no " + staffIdClaim + " claim");
            return AuthenticateResult.Fail("bearer token names no person");
        }

        return await FromObjectIdAsync(objectId, "bearer token");
    }

    private async Task<AuthenticateResult> FromObjectIdAsync(string objectId, string source)
    {
        var staff = await directory.FindStaffByObjectIdAsync(objectId, Context.RequestAborted);
        if (staff is null)
        {
            AccessLogs.UnknownObjectId(Logger, objectId, source);
            return AuthenticateResult.Fail("unknown principal");
        }

        return Success(staff);
    }

    private async Task<AuthenticateResult> FromDevelopmentUserAsync(string staffId)
    {
        var staff = staffId.Length is > 0 and <= MaxStaffIdLength
            ? await directory.FindStaffAsync(staffId, Context.RequestAborted)
            : null;
        if (staff is null)
        {
            AccessLogs.UnknownStaffId(Logger, staffId.Length <= MaxStaffIdLength ? staffId : staffId[..MaxStaffIdLength]);
            return AuthenticateResult.Fail("unknown staff id");
        }

        return Success(staff);
    }

    /// <summary>A deactivated account is refused like an unknown one: 401 from the first request after the change.</summary>
    private AuthenticateResult Success(StaffMember staff)
    {
        if (!staff.Active)
        {
            AccessLogs.DeactivatedStaff(Logger, staff.Id);
            return AuthenticateResult.Fail("deactivated staff member");
        }

        Context.Features.Set(new CallerFeature { Staff = staff });
        return AuthenticateResult.Success(new AuthenticationTicket(staff.ToPrincipal(Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (authOptions.CurrentValue.Oidc.IsEnabled)
        {
            Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        }

        return KimProblems.WriteAsync(Context, KimProblems.Create(ProblemTypes.Unauthorized, StatusCodes.Status401Unauthorized,
            "Sign in as a member of staff known to Kim."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        KimProblems.WriteAsync(Context, KimProblems.Create(ProblemTypes.Forbidden, StatusCodes.Status403Forbidden,
            "Your role may not use this route."));
}
