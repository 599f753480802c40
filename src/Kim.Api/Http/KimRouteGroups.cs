using Kim.Api.Access;

namespace Kim.Api.Http;

/// <summary>
/// Route groups with the rules every route of a kind shares: who may call, the JSON body limit and
/// check (<see cref="JsonBodyGate"/>), and the problems authentication and the request limits add to
/// the OpenAPI description.
/// </summary>
public static class KimRouteGroups
{
    /// <summary>Routes for partners (<c>X-Api-Key</c>).</summary>
    public static RouteGroupBuilder MapKimPartnerGroup(this IEndpointRouteBuilder endpoints, string prefix) =>
        endpoints.MapKimGroup(prefix, KimPolicies.Partner);

    /// <summary>Routes for staff of the roles of one of <see cref="KimPolicies.Staff"/>.</summary>
    public static RouteGroupBuilder MapKimStaffGroup(this IEndpointRouteBuilder endpoints, string prefix, string policy)
    {
        if (!KimPolicies.Staff.Contains(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "not a staff policy");
        }

        return endpoints.MapKimGroup(prefix, policy);
    }

    private static RouteGroupBuilder MapKimGroup(this IEndpointRouteBuilder endpoints, string prefix, string policy)
    {
        var group = endpoints.MapGroup(prefix);
        ((IEndpointConventionBuilder)group).Add(JsonBodyGate.Apply);
        group.RequireAuthorization(policy)
            .WithRequestBodyLimit(KimLimits.JsonBodyBytes)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }
}
