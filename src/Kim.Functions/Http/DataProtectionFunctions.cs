using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Kim.Functions.Http;

/// <summary>
/// The audit log, its verification and the Art. 15 export (Kim.Api AuditApi, CaseExportApi). One HTTP trigger per route of the Kim.Api route table, with its method and
/// path; the route table answers (<see cref="RouteBridge"/>), with Kim's own authorization.
/// </summary>
/// <param name="routes">The bridge to the route table.</param>
public sealed class DataProtectionFunctions(RouteBridge routes)
{
    [Function("ListAudit")]
    public Task<IActionResult> ListAudit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/audit")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("VerifyAudit")]
    public Task<IActionResult> VerifyAudit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/audit/verify")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("ExportCase")]
    public Task<IActionResult> ExportCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/cases/{caseId}/export")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);
}
