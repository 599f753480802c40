using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Kim.Functions.Http;

/// <summary>
/// Staff, partners and partner keys (Kim.Api AdministrationApi). One HTTP trigger per route of the Kim.Api route table, with its method and
/// path; the route table answers (<see cref="RouteBridge"/>), with Kim's own authorization.
/// </summary>
/// <param name="routes">The bridge to the route table.</param>
public sealed class AdministrationFunctions(RouteBridge routes)
{
    [Function("ListStaff")]
    public Task<IActionResult> ListStaff(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/staff")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("CreateStaff")]
    public Task<IActionResult> CreateStaff(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/staff")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("ChangeStaff")]
    public Task<IActionResult> ChangeStaff(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/admin/staff/{staffId}")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("ListPartners")]
    public Task<IActionResult> ListPartners(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/partners")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("CreatePartner")]
    public Task<IActionResult> CreatePartner(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/partners")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("ChangePartner")]
    public Task<IActionResult> ChangePartner(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/admin/partners/{partnerId}")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("CreatePartnerKey")]
    public Task<IActionResult> CreatePartnerKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/partners/{partnerId}/keys")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("RevokePartnerKey")]
    public Task<IActionResult> RevokePartnerKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/admin/partners/{partnerId}/keys/{keyId}")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);
}
