using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Kim.Functions.Http;

/// <summary>
/// The OpenAPI document and the interactive API reference (Kim.Api ApiDocs); anonymous. One HTTP trigger per route of the Kim.Api route table, with its method and
/// path; the route table answers (<see cref="RouteBridge"/>), with Kim's own authorization.
/// </summary>
/// <param name="routes">The bridge to the route table.</param>
public sealed class ApiDocsFunctions(RouteBridge routes)
{
    [Function("OpenApiDocument")]
    public Task<IActionResult> OpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/{documentName}.json")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("ApiDocsPage")]
    public Task<IActionResult> ApiDocsPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/docs/{documentName?}")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("ApiDocsScript")]
    public Task<IActionResult> ApiDocsScript(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/docs/scalar.js")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("ApiDocsIntegrationScript")]
    public Task<IActionResult> ApiDocsIntegrationScript(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/docs/scalar.aspnetcore.js")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("ApiDocsIcon")]
    public Task<IActionResult> ApiDocsIcon(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/docs/favicon.svg")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);
}
