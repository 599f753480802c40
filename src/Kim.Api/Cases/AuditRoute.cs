namespace Kim.Api.Cases;

/// <summary>The route an audit entry names: the method and the route template, never the concrete path with its values.</summary>
public static class AuditRoute
{
    /// <summary><c>GET /api/cases/{caseId}</c>; empty outside a request.</summary>
    public static string Of(HttpContext? context) =>
        context?.GetEndpoint() is RouteEndpoint endpoint
            ? $"{context.Request.Method} {endpoint.RoutePattern.RawText}"
            : "";
}
