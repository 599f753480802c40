using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Kim.Functions.Http;

/// <summary>
/// The coordinators' anonymous figures (Kim.Api ReportsApi). One HTTP trigger per route of the Kim.Api route table, with its method and
/// path; the route table answers (<see cref="RouteBridge"/>), with Kim's own authorization.
/// </summary>
/// <param name="routes">The bridge to the route table.</param>
public sealed class ReportFunctions(RouteBridge routes)
{
    [Function("CaseReport")]
    public Task<IActionResult> CaseReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/cases")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("BarrierReport")]
    public Task<IActionResult> BarrierReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/barriers")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);
}
