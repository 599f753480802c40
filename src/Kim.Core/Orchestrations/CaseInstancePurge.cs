using Azure;
using Azure.Data.Tables;
using Kim.Core.Records;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Kim.Core.Orchestrations;

/// <summary>
/// Removes the Durable instances of a deleted case from the task hub: the case clock
/// <c>{caseId}</c> and the clocks of its referrals, handovers and follow-ups (<c>{caseId}:…</c>),
/// with their histories. They hold ids only, no client data, but their ids name the case, and a
/// deletion leaves nothing of a case but its statistics row (DOMAIN.md, "Data protection").
/// <para>
/// Only an ended instance can be purged, and the case clock is still running the purge when the
/// records go. So the deletion first marks the case in the table
/// <see cref="Storage.StorageNames.InstancePurgesTable"/>, then deletes the records, then calls
/// <see cref="PurgeAsync"/>: that terminates what still runs and purges what has ended.
/// <see cref="SweepAsync"/> (every minute) finishes the marked cases whose records are gone and
/// deletes the mark when no instance is left.
/// </para>
/// </summary>
/// <param name="client">The Durable Task client of the host.</param>
/// <param name="marks">The table <see cref="Storage.StorageNames.InstancePurgesTable"/>.</param>
/// <param name="records">Tells whether a marked case's records are gone yet.</param>
/// <param name="logger">Logs what was purged.</param>
public sealed partial class CaseInstancePurge(DurableTaskClient client, TableClient marks, WorkflowClient records, ILogger<CaseInstancePurge> logger)
{
    /// <summary>The marks' one partition: the sweep reads it alone.</summary>
    public const string Partition = "pending";

    /// <summary>Marks the case before its records are deleted, so that a crash in between still ends in a purge.</summary>
    public Task MarkAsync(string caseId, CancellationToken cancellationToken) =>
        marks.UpsertEntityAsync(new TableEntity(Partition, caseId), TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// Purges the case's ended instances and terminates those that still run (a later call purges
    /// them). When none is left, deletes the case's mark.
    /// </summary>
    /// <returns>True when no instance of the case is left in the task hub.</returns>
    public async Task<bool> PurgeAsync(string caseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        var purged = 0;
        var running = 0;
        var query = new OrchestrationQuery { InstanceIdPrefix = caseId, FetchInputsAndOutputs = false };
        var instances = await client.GetAllInstancesAsync(query).ToListAsync(cancellationToken);
        foreach (var instance in instances.Where(i => BelongsTo(i.InstanceId, caseId)))
        {
            if (instance.IsCompleted)
            {
                purged += (await client.PurgeInstanceAsync(instance.InstanceId, cancellation: cancellationToken)).PurgedInstanceCount;
            }
            else
            {
                await client.TerminateInstanceAsync(instance.InstanceId, new TerminateInstanceOptions("case deleted"), cancellationToken);
                running++;
            }
        }

        LogPurged(logger, caseId, purged, running);
        if (running > 0)
        {
            return false;
        }

        await marks.DeleteEntityAsync(Partition, caseId, ETag.All, cancellationToken);
        return true;
    }

    /// <summary>
    /// Purges the instances of every marked case whose records are gone. A case whose records are
    /// still there is being deleted right now (or its purge action is to be retried) and waits for
    /// the next sweep: terminating its clock now would stop that retry.
    /// </summary>
    /// <returns>The number of cases with nothing left in the task hub.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        var marked = marks.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), select: ["RowKey"], cancellationToken: cancellationToken);
        await foreach (var mark in marked)
        {
            // The case's own row is deleted last (TableInstanceStore), so its absence means the records are gone.
            if (await records.GetAsync(mark.RowKey, cancellationToken) is null && await PurgeAsync(mark.RowKey, cancellationToken))
            {
                done++;
            }
        }

        return done;
    }

    /// <summary>The case's own instance, or one of its children (<c>{caseId}:r-1</c>); not a longer case id that starts alike.</summary>
    private static bool BelongsTo(string instanceId, string caseId) =>
        instanceId == caseId || instanceId.StartsWith(caseId + ":", StringComparison.Ordinal);

    [LoggerMessage(EventId = 1141, Level = LogLevel.Information, Message = "Durable instances of deleted case {CaseId}: {Purged} purged, {Running} still running (terminated)")]
    private static partial void LogPurged(ILogger logger, string caseId, int purged, int running);
}
