using Kim.Core.Storage;

namespace Kim.Api.Storage;

/// <summary><c>GET /api/health</c>: storage reachability per service; 503 when any is unreachable.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/health", GetHealthAsync)
            .WithName("GetHealth")
            .Produces<HealthResponse>(StatusCodes.Status200OK)
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable)
            .AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> GetHealthAsync(StorageHealthCheck check, CancellationToken cancellationToken)
    {
        var report = await check.CheckAsync(cancellationToken);
        static string State(bool ok) => ok ? "reachable" : "unreachable";
        var body = new HealthResponse(
            report.IsHealthy ? "healthy" : "unhealthy",
            new HealthServices(State(report.Tables), State(report.Queues), State(report.Blobs)));
        return Results.Json(body, statusCode: report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
