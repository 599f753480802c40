using Kim.Api.Administration;
using Kim.Api.Limits;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kim.Api.Access;

/// <summary>Wiring of access control: the directory, the authentication schemes and the role policies.</summary>
public static class AccessExtensions
{
    /// <summary>
    /// Registers the in-memory directory unless another <see cref="IAccessDirectory"/> is registered
    /// first, its administration, the demo seed (Development only), the schemes (the OpenID Connect
    /// bearer scheme when <c>Kim:Auth:Oidc:Authority</c> is set; incomplete settings stop start-up) and
    /// the policies.
    /// </summary>
    public static IServiceCollection AddKimAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<KimAuthOptions>(configuration.GetSection(KimAuthOptions.Section));
        services.TryAddSingleton<IAccessDirectory, InMemoryAccessDirectory>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectoryAdministration>();
        services.AddHostedService<DemoDataSeeder>();

        var authentication = services.AddAuthentication(KimAuthenticationSchemes.Caller)
            .AddPolicyScheme(KimAuthenticationSchemes.Caller, "Partner or staff", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(KimAuthenticationSchemes.ApiKeyHeader)
                        ? KimAuthenticationSchemes.ApiKey
                        : KimAuthenticationSchemes.Staff)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(KimAuthenticationSchemes.ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, StaffAuthenticationHandler>(KimAuthenticationSchemes.Staff, null);
        var oidc = configuration.GetSection(KimAuthOptions.Section).Get<KimAuthOptions>()?.Oidc ?? new KimOidcOptions();
        if (oidc.IsEnabled)
        {
            OidcBearer.Validate(oidc);
            authentication.AddJwtBearer(KimAuthenticationSchemes.OidcBearer, options => OidcBearer.Configure(options, oidc));
        }

        // Each policy names its scheme, so that a partner key never satisfies a staff route and a
        // staff header never a partner route, whatever the default scheme picked.
        services.AddAuthorizationBuilder()
            .AddPolicy(KimPolicies.Partner, policy => policy
                .AddAuthenticationSchemes(KimAuthenticationSchemes.ApiKey)
                .RequireAuthenticatedUser()
                .RequireClaim(KimClaims.CallerKind, KimClaims.PartnerKind))
            .AddPolicy(KimPolicies.CaseManager, policy => StaffPolicy(policy, StaffRoleNames.CaseManager))
            .AddPolicy(KimPolicies.Coordinator, policy => StaffPolicy(policy, StaffRoleNames.Coordinator))
            .AddPolicy(KimPolicies.Administrator, policy => StaffPolicy(policy, StaffRoleNames.Administrator))
            .AddPolicy(KimPolicies.DataProtectionOfficer, policy => StaffPolicy(policy, StaffRoleNames.DataProtectionOfficer))
            .AddPolicy(KimPolicies.DataProtection, policy => StaffPolicy(policy, StaffRoleNames.Administrator, StaffRoleNames.DataProtectionOfficer));
        return services;
    }

    /// <summary>
    /// Authentication, the per-caller limits, then authorization; after <c>UseKimHttp</c>. The limits
    /// come between: they partition by the authenticated caller, and must also count the requests
    /// that authorization is about to refuse (wrong keys).
    /// </summary>
    public static IApplicationBuilder UseKimAccess(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseKimLimits();
        app.UseAuthorization();
        return app;
    }

    private static void StaffPolicy(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy, params string[] roles) =>
        policy.AddAuthenticationSchemes(KimAuthenticationSchemes.Staff)
            .RequireAuthenticatedUser()
            .RequireClaim(KimClaims.CallerKind, KimClaims.StaffKind)
            .RequireRole(roles);
}
