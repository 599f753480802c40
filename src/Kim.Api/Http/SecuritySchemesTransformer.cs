using Kim.Api.Access;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kim.Api.Http;

/// <summary>Declares how callers authenticate: partners by <c>X-Api-Key</c>, staff by bearer token, <c>X-Kim-User</c> (Development) or App Service Authentication.</summary>
internal sealed class SecuritySchemesTransformer : IOpenApiDocumentTransformer
{
    public const string ApiKey = "apiKey";
    public const string DevelopmentUser = "developmentUser";
    public const string StaffBearer = "staffBearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = KimAuthenticationSchemes.ApiKeyHeader,
            Description = "A partner's API key, sent from the partner's server only. Missing or wrong: 401.",
        };
        document.Components.SecuritySchemes[DevelopmentUser] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = KimAuthenticationSchemes.DevelopmentUserHeader,
            Description = "Development only: the id of a staff member (e.g. cm-luedenscheid). On Azure, staff sign in " +
                "through App Service Authentication, which sets X-MS-CLIENT-PRINCIPAL.",
        };
        document.Components.SecuritySchemes[StaffBearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Staff: an OpenID Connect access token of the issuer in Kim__Auth__Oidc__Authority, for the audience " +
                "Kim__Auth__Oidc__Audience; its object-id claim (oid, or the claim in Kim__Auth__Oidc__StaffIdClaim) must name a " +
                "member of staff. Invalid, expired, for another audience or of an unknown person: 401.",
        };
        return Task.CompletedTask;
    }
}
