using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Kim.Functions.Http;

/// <summary>
/// Referrals as their partner sees them (Kim.Api PartnerReferralApi). One HTTP trigger per route of the Kim.Api route table, with its method and
/// path; the route table answers (<see cref="RouteBridge"/>), with Kim's own authorization.
/// </summary>
/// <param name="routes">The bridge to the route table.</param>
public sealed class PartnerReferralFunctions(RouteBridge routes)
{
    [Function("GetPartnerReferral")]
    public Task<IActionResult> GetPartnerReferral(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/referrals/{referralId}")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("RespondToReferral")]
    public Task<IActionResult> RespondToReferral(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/referrals/{referralId}/response")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);
}
