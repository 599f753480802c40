using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Kim.Functions.Http;

/// <summary>
/// Cases, their data, timeline, assignment and transitions, and the caller's follow-ups (Kim.Api CaseApi). One HTTP trigger per route of the Kim.Api route table, with its method and
/// path; the route table answers (<see cref="RouteBridge"/>), with Kim's own authorization.
/// </summary>
/// <param name="routes">The bridge to the route table.</param>
public sealed class CaseFunctions(RouteBridge routes)
{
    [Function("CreateCase")]
    public Task<IActionResult> CreateCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("ListCases")]
    public Task<IActionResult> ListCases(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("GetCase")]
    public Task<IActionResult> GetCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{caseId}")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("CorrectClient")]
    public Task<IActionResult> CorrectClient(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/cases/{caseId}/client")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("CorrectNeeds")]
    public Task<IActionResult> CorrectNeeds(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/cases/{caseId}/needs")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("GetTimeline")]
    public Task<IActionResult> GetTimeline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{caseId}/timeline")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("AssignCase")]
    public Task<IActionResult> AssignCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{caseId}/assign")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("TransitionCase")]
    public Task<IActionResult> TransitionCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{caseId}/transitions/{transition}")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("ListFollowUps")]
    public Task<IActionResult> ListFollowUps(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/followups")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);
}
