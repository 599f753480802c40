using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Kim.Functions.Http;

/// <summary>
/// Storage reachability (Kim.Api HealthApi); anonymous. One HTTP trigger per route of the Kim.Api route table, with its method and
/// path; the route table answers (<see cref="RouteBridge"/>), with Kim's own authorization.
/// </summary>
/// <param name="routes">The bridge to the route table.</param>
public sealed class HealthFunctions(RouteBridge routes)
{
    [Function("Health")]
    public Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);
}
