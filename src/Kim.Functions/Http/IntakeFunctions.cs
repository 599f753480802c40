using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Kim.Functions.Http;

/// <summary>
/// Intakes from partners (Kim.Api IntakeApi). One HTTP trigger per route of the Kim.Api route table, with its method and
/// path; the route table answers (<see cref="RouteBridge"/>), with Kim's own authorization.
/// </summary>
/// <param name="routes">The bridge to the route table.</param>
public sealed class IntakeFunctions(RouteBridge routes)
{
    [Function("SubmitIntake")]
    public Task<IActionResult> SubmitIntake(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/intake")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("GetIntakeStatus")]
    public Task<IActionResult> GetIntakeStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/intake/{reference}")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);
}
