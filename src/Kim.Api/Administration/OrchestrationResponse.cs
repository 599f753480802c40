namespace Kim.Api.Administration;

/// <summary>
/// One orchestration instance as an administrator sees it (API.md, <c>GET /api/admin/orchestrations</c>):
/// no client data, only ids, state and the failure message (which names ids only).
/// </summary>
/// <param name="InstanceId">The orchestration's instance id (<c>{caseId}</c>, <c>{caseId}:r-1</c>, <c>{caseId}:f-1</c> …).</param>
/// <param name="CaseId">The case it belongs to.</param>
/// <param name="Orchestration">The orchestrator's name (<c>CaseClockOrchestrator</c> …).</param>
/// <param name="Status">Durable's runtime status in lower case: <c>failed</c>, <c>running</c>, <c>pending</c>, <c>terminated</c>, <c>completed</c>, <c>suspended</c>.</param>
/// <param name="LastUpdatedAt">When the instance last changed (Europe/Berlin offset).</param>
/// <param name="Failure">The failure message of a failed instance, else null.</param>
public sealed record OrchestrationResponse(
    string InstanceId, string CaseId, string Orchestration, string Status, DateTimeOffset LastUpdatedAt, string? Failure);
