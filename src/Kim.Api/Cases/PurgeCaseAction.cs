using System.Text.Json;
using Kim.Api.Reports;
using Kim.Core;
using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Kim.Core.Workflows.Payloads;

namespace Kim.Api.Cases;

/// <summary>
/// <c>purge-case</c> (the deletion timer of a closed or declined case): deletes the case's
/// documents, its list row, then the case with its referrals, handovers and history. Every step
/// is idempotent, so a repeat after a crash finishes the job. The access log is kept (it records
/// who saw the case, not what was in it); so is the case's anonymous statistics row, brought up to
/// date first and then cut off from the case (docs/reports.md).
/// </summary>
public sealed class PurgeCaseAction(
    IDocumentStore documents,
    CaseListProjection caseList,
    CaseStatisticsProjection statistics,
    IServiceProvider services,
    ILogger<PurgeCaseAction> logger) : IActionHandler
{
    public string Name => ActionNames.PurgeCase;

    public async Task<JsonElement?> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reference = request.Input is { } input ? Payload.Read<CaseReference>(input) : new CaseReference(request.InstanceId, string.Empty);
        var caseId = InstanceIds.RootOf(reference.CaseId);

        // Resolved here, not injected: the runtime is built from the action handlers, this among them.
        var workflows = services.GetRequiredService<WorkflowClient>();
        await statistics.FinishAsync(caseId, await workflows.GetAsync(caseId, cancellationToken), cancellationToken);
        var deletedDocuments = await documents.DeleteAllAsync(caseId, cancellationToken);
        if (!string.IsNullOrEmpty(reference.Municipality))
        {
            await caseList.DeleteAsync(reference.Municipality, caseId, cancellationToken);
        }

        var instances = await workflows.PurgeAsync(caseId, cancellationToken);
        CaseLogs.CasePurged(logger, caseId, instances, deletedDocuments);
        return KimJson.ToElement(new { instances, documents = deletedDocuments });
    }
}
