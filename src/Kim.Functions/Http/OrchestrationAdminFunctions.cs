using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Kim.Functions.Http;

/// <summary>
/// Failed or stuck orchestrations and their restart (Kim.Api OrchestrationsApi). One HTTP trigger per route of the Kim.Api route table, with its method and
/// path; the route table answers (<see cref="RouteBridge"/>), with Kim's own authorization.
/// </summary>
/// <param name="routes">The bridge to the route table.</param>
public sealed class OrchestrationAdminFunctions(RouteBridge routes)
{
    [Function("ListOrchestrations")]
    public Task<IActionResult> ListOrchestrations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/orchestrations")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("RestartOrchestration")]
    public Task<IActionResult> RestartOrchestration(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/orchestrations/{instanceId}/restart")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);
}
