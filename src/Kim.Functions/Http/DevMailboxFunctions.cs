using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Kim.Functions.Http;

/// <summary>
/// The development mailbox (Kim.Api DevMailboxApi); answers in Development only. One HTTP trigger per route of the Kim.Api route table, with its method and
/// path; the route table answers (<see cref="RouteBridge"/>), with Kim's own authorization.
/// </summary>
/// <param name="routes">The bridge to the route table.</param>
public sealed class DevMailboxFunctions(RouteBridge routes)
{
    [Function("DevMailbox")]
    public Task<IActionResult> DevMailbox(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dev/mailbox")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);
}
