using Kim.Api.Intake;
using Kim.Api.Reports;
using Kim.Core.Cases;
using Kim.Core.Mail;
using Kim.Core.Orchestrations;
using Kim.Core.Records;
using Kim.Core.Reminders;
using Kim.Core.Workflows;

namespace Kim.Api.Cases;

/// <summary>
/// The one way a case is deleted, whether its retention ended (<c>purge-case</c>, run by the case
/// clock) or deletion was requested under Art. 17 GDPR (the administrator's route, at once). Only
/// the case's anonymous statistics row stays (docs/reports.md); everything that names the case
/// goes, in this order:
/// <list type="number">
/// <item>the statistics row is brought up to date and cut off from the case;</item>
/// <item>the case is marked for <see cref="CaseInstancePurge"/>;</item>
/// <item>documents (blobs and listing), the case list row, the due-date index rows, the intake
/// rows of its partner reference, the mail ledger's keys and the case's audit chain;</item>
/// <item>the records: the case, its referrals, handovers and history, text rows (contact notes);</item>
/// <item>the audit chain once more (a read that raced the deletion), then a first pass over the
/// Durable instances: those that have ended are purged; those still running are woken, find their
/// record gone and end, and the sweeps purge them (<see cref="CaseInstancePurge"/>).</item>
/// </list>
/// Every step can be repeated: while the records exist, the case clock retries the whole
/// deletion; once they are gone, only the Durable instances remain, and the sweep finishes those.
/// That a case was deleted, by whom and when, is appended to the district's audit chain without
/// the case id.
/// </summary>
public sealed class CaseDeletion(
    IDocumentStore documents,
    CaseListProjection caseList,
    CaseStatisticsProjection statistics,
    DueIndex dueIndex,
    IMailLedger ledger,
    IAuditLog audit,
    TimeProvider time,
    IServiceProvider services,
    ILogger<CaseDeletion> logger)
{
    /// <summary>The audit action of a deletion, in the district's chain (target <c>case</c>, no case id).</summary>
    public const string AuditAction = "delete";

    /// <summary>Deletes the case <paramref name="caseId"/> as the class says.</summary>
    /// <param name="caseId">The case (a root instance id).</param>
    /// <param name="actor">Who deleted it: the administrator's staff id, or <see cref="Actors.System"/> for retention.</param>
    /// <param name="route">The request that deleted it (<c>DELETE /api/admin/cases/{caseId}</c>), empty for retention.</param>
    /// <param name="cancellationToken">Stops the deletion; a repeat finishes it.</param>
    /// <returns>The number of records and documents deleted (0 and 0 when the case was gone already).</returns>
    public async Task<(int Instances, int Documents)> DeleteAsync(string caseId, string actor, string route, CancellationToken cancellationToken)
    {
        // Resolved here, not injected: the records are built from the action handlers, the purge among
        // them, and the intake sink and the instance purge are built on the records.
        var workflows = services.GetRequiredService<WorkflowClient>();
        var intakes = services.GetRequiredService<IIntakeSink>();
        var instancePurge = services.GetService<CaseInstancePurge>();
        var snapshot = await workflows.GetAsync(caseId, cancellationToken);
        var state = snapshot?.StateAs<CaseWorkflowState>();

        await statistics.FinishAsync(caseId, snapshot, cancellationToken);
        if (instancePurge is not null)
        {
            await instancePurge.MarkAsync(caseId, cancellationToken);
        }

        var deletedDocuments = await documents.DeleteAllAsync(caseId, cancellationToken);
        if (state is not null)
        {
            await caseList.DeleteAsync(state.Municipality, caseId, cancellationToken);
            await dueIndex.ForgetAsync(state.District, caseId, cancellationToken);
            if (state.Source is { PartnerId: { } partnerId, PartnerReference: { } partnerReference })
            {
                await intakes.ForgetCaseAsync(partnerId, partnerReference, caseId, cancellationToken);
            }
        }

        await ledger.ForgetCaseAsync(caseId, cancellationToken);
        await audit.ForgetCaseAsync(caseId, cancellationToken);
        if (state?.District is { } district)
        {
            await audit.RecordAsync(new AuditEntry(null, time.GetUtcNow(), actor, AuditAction, "case", district, route), cancellationToken);
        }

        var instances = await workflows.PurgeAsync(caseId, cancellationToken);
        await audit.ForgetCaseAsync(caseId, cancellationToken);
        if (instancePurge is not null)
        {
            await instancePurge.PurgeAsync(caseId, cancellationToken);
        }

        CaseLogs.CasePurged(logger, caseId, instances, deletedDocuments);
        return (instances, deletedDocuments);
    }
}
