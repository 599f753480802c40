using Kim.Api.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kim.Api.Http;

/// <summary>Marks each operation with the security scheme its authorization policy needs.</summary>
internal sealed class SecurityRequirementTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var policies = context.Description.ActionDescriptor.EndpointMetadata
            .OfType<IAuthorizeData>()
            .Select(a => a.Policy)
            .ToHashSet(StringComparer.Ordinal);
        // Each scheme is its own requirement: any one of them will do.
        string[] schemes = policies.Contains(KimPolicies.Partner) ? [SecuritySchemesTransformer.ApiKey]
            : policies.Overlaps([KimPolicies.CaseManager, KimPolicies.Coordinator, KimPolicies.Administrator])
                ? [SecuritySchemesTransformer.StaffBearer, SecuritySchemesTransformer.DevelopmentUser]
                : [];
        foreach (var scheme in schemes)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [],
            });
        }

        return Task.CompletedTask;
    }
}
