using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Kim.Functions.Http;

/// <summary>
/// The audit log, its verification, the Art. 15 export, legal holds and the Art. 17 deletion (Kim.Api AuditApi, CaseExportApi, CaseRetentionApi). One HTTP trigger per route of the Kim.Api route table, with its method and
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

    [Function("SetLegalHold")]
    public Task<IActionResult> SetLegalHold(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/cases/{caseId}/legal-hold")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("LiftLegalHold")]
    public Task<IActionResult> LiftLegalHold(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/admin/cases/{caseId}/legal-hold")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);

    [Function("DeleteCase")]
    public Task<IActionResult> DeleteCase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/admin/cases/{caseId}")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) => routes.RunAsync(request, durable);
}
