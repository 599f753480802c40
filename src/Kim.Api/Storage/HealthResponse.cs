namespace Kim.Api.Storage;

/// <summary>The body of <c>GET /api/health</c>.</summary>
public sealed record HealthResponse(string Status, HealthServices Services);
