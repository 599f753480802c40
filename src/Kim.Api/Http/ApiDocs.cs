using Scalar.AspNetCore;

namespace Kim.Api.Http;

/// <summary>
/// <c>GET /api/docs</c>: the interactive API reference (Scalar; the page redirects to
/// <c>/api/docs/</c> and loads its script from there) over Kim's OpenAPI document
/// <c>/openapi/v1.json</c>; anonymous and mapped in every environment, like the document itself
/// (API.md, "Routes"). The page and its script are served by the app; the library's calls to other
/// hosts (fonts from a CDN, telemetry, its AI chat and MCP features) are switched off.
/// </summary>
public static class ApiDocs
{
    public const string Path = "/api/docs";

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        endpoints.MapScalarApiReference(Path, options => options
                .WithTitle("Kim API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp())
            .AllowAnonymous();
        return endpoints;
    }
}
