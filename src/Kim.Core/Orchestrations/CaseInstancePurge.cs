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
/// <see cref="PurgeAsync"/>: that purges what has ended and wakes what still runs, which reads
/// its record, finds it gone and ends (<see cref="ClockCycle"/>). <see cref="SweepAsync"/> (every
/// minute) repeats that for the marked cases whose records are gone, and deletes a mark only once
/// its passes found no instance for <see cref="Grace"/>.
/// </para>
/// <para>
/// Why the instances are woken, not terminated, and why the grace: DurableTask.AzureStorage deletes
/// an instance's history rows and its <c>Instances</c> row in parallel, and a message that reaches
/// the instance in between (a late termination or wake-up) writes the <c>Instances</c> row back.
/// Terminating a running instance on every sweep until it had ended queued such messages; a
/// wake-up is one the running clock consumes. What still comes back within the grace is purged by
/// the next sweep. A clock that a wake-up starts after the mark has gone marks its case again when
/// it reads its record gone (<see cref="ReadClockActivity"/>).
/// </para>
/// </summary>
/// <param name="client">The Durable Task client of the host.</param>
/// <param name="marks">The table <see cref="Storage.StorageNames.InstancePurgesTable"/>.</param>
/// <param name="records">Tells whether a marked case's records are gone yet.</param>
/// <param name="time">The app's clock, for the grace.</param>
/// <param name="logger">Logs what was purged.</param>
public sealed partial class CaseInstancePurge(DurableTaskClient client, TableClient marks, WorkflowClient records, TimeProvider time, ILogger<CaseInstancePurge> logger)
{
    /// <summary>The marks' one partition: the sweep reads it alone.</summary>
    public const string Partition = "pending";

    /// <summary>
    /// How long the sweeps must have found no instance of a deleted case before its mark goes: two
    /// minutes of the app's clock, so at least two sweeps after the first quiet one. What it waits
    /// for is an <c>Instances</c> row that a message wrote back while a purge ran: the message
    /// loaded the history before the purge deleted it and found the row gone after
    /// (DurableTask.AzureStorage, <c>AzureStorageOrchestrationService.IsExecutableInstanceAsync</c>
    /// and <c>AzureTableTrackingStore.DeleteAllDataForOrchestrationInstance</c>); such a write lands
    /// within the seconds the message's episode takes.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a mark of a case whose record exists is kept: one hour of the app's clock. Such a mark
    /// belongs to a deletion that stopped (it marks the case again when it goes on) or to a case that
    /// a clock read as gone before its first commit landed; it is not kept for the case's lifetime.
    /// </summary>
    public static readonly TimeSpan LiveCaseMarkLifetime = TimeSpan.FromHours(1);

    /// <summary>The mark's property with the time (UTC) of the first pass that found no instance.</summary>
    private const string QuietSince = "QuietSince";

    /// <summary>The mark's property with the time (UTC, app's clock) it was written.</summary>
    private const string MarkedAt = "MarkedAt";

    /// <summary>
    /// Marks the case before its records are deleted, so that a crash in between still ends in a
    /// purge. Marking a marked case again starts its grace anew.
    /// </summary>
    public Task MarkAsync(string caseId, CancellationToken cancellationToken) =>
        marks.UpsertEntityAsync(new TableEntity(Partition, caseId) { [MarkedAt] = time.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// One pass over the case's instances: purges those that have ended (with their history) and
    /// raises <see cref="ClockCycle.WakeEvent"/> on those that still run (resuming a suspended one
    /// first), so that they read their record, find it gone and end. Leaves the case's mark to
    /// <see cref="SweepAsync"/>.
    /// </summary>
    /// <returns>How many instances of the case the pass found (purged or woken); 0 when none is left.</returns>
    public async Task<int> PurgeAsync(string caseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        var purged = 0;
        var woken = 0;
        var query = new OrchestrationQuery { InstanceIdPrefix = caseId, FetchInputsAndOutputs = false };
        var instances = await client.GetAllInstancesAsync(query).ToListAsync(cancellationToken);
        foreach (var instance in instances.Where(i => BelongsTo(i.InstanceId, caseId)))
        {
            if (instance.IsCompleted)
            {
                await client.PurgeInstanceAsync(instance.InstanceId, cancellation: cancellationToken);
                purged++;
                continue;
            }

            // Kim never suspends an instance, but an operator may have: a suspended one would hold the wake-up.
            if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Suspended)
            {
                await client.ResumeInstanceAsync(instance.InstanceId, "case deleted", cancellationToken);
            }

            await client.RaiseEventAsync(instance.InstanceId, ClockCycle.WakeEvent, null, cancellationToken);
            woken++;
        }

        if (purged + woken > 0)
        {
            LogPurged(logger, caseId, purged, woken);
        }

        return purged + woken;
    }

    /// <summary>
    /// Makes a pass (<see cref="PurgeAsync"/>) over the instances of every marked case whose records
    /// are gone, and keeps, restarts or deletes its mark as <see cref="NextStep"/> decides. A case
    /// whose records are still there is being deleted right now (or its purge action is to be
    /// retried) and waits for the next sweep; its mark goes after <see cref="LiveCaseMarkLifetime"/>.
    /// </summary>
    /// <returns>The number of marks deleted: cases with nothing left in the task hub for the grace.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        var marked = marks.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken);
        await foreach (var mark in marked)
        {
            try
            {
                // The case's own row is deleted last (TableInstanceStore), so its absence means the records are gone.
                if (await records.GetAsync(mark.RowKey, cancellationToken) is not null)
                {
                    if (time.GetUtcNow() - (mark.GetDateTimeOffset(MarkedAt) ?? mark.Timestamp) >= LiveCaseMarkLifetime)
                    {
                        await marks.DeleteEntityAsync(Partition, mark.RowKey, mark.ETag, cancellationToken);
                    }

                    continue;
                }

                var found = await PurgeAsync(mark.RowKey, cancellationToken);
                var now = time.GetUtcNow();

                // Conditional on the mark as read: a deletion that marked the case again meanwhile wins.
                switch (NextStep(found, mark.GetDateTimeOffset(QuietSince), now))
                {
                    case PurgeMarkStep.Restart:
                        var restarted = new TableEntity(Partition, mark.RowKey);
                        if (mark.GetDateTimeOffset(MarkedAt) is { } markedAt)
                        {
                            restarted[MarkedAt] = markedAt;
                        }

                        await marks.UpdateEntityAsync(restarted, mark.ETag, TableUpdateMode.Replace, cancellationToken);
                        break;
                    case PurgeMarkStep.StartQuiet:
                        await marks.UpdateEntityAsync(new TableEntity(Partition, mark.RowKey) { [QuietSince] = now }, mark.ETag, TableUpdateMode.Merge, cancellationToken);
                        break;
                    case PurgeMarkStep.Delete:
                        await marks.DeleteEntityAsync(Partition, mark.RowKey, mark.ETag, cancellationToken);
                        done++;
                        break;
                    case PurgeMarkStep.Keep:
                        break;
                }
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                // Marked again or deleted by another host's sweep: the next sweep reads it anew.
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One case's trouble (the task hub busy, a purge that failed) does not hold up the others.
                LogPassFailed(logger, mark.RowKey, exception);
            }
        }

        return done;
    }

    /// <summary>
    /// What a sweep does with a mark after a pass that found <paramref name="found"/> instances: a
    /// pure decision. The grace (<see cref="Grace"/>) runs from the first pass that found none and
    /// starts again when a later pass finds one.
    /// </summary>
    /// <param name="found">The instances the pass found (purged or woken).</param>
    /// <param name="quietSince">When the first pass that found none ran (UTC), null if the last pass found some.</param>
    /// <param name="now">The app's time (UTC).</param>
    public static PurgeMarkStep NextStep(int found, DateTimeOffset? quietSince, DateTimeOffset now) => (found, quietSince) switch
    {
        ( > 0, null) => PurgeMarkStep.Keep,
        ( > 0, _) => PurgeMarkStep.Restart,
        (_, null) => PurgeMarkStep.StartQuiet,
        (_, { } since) when now - since >= Grace => PurgeMarkStep.Delete,
        _ => PurgeMarkStep.Keep,
    };

    /// <summary>The case's own instance, or one of its children (<c>{caseId}:r-1</c>); not a longer case id that starts alike.</summary>
    private static bool BelongsTo(string instanceId, string caseId) =>
        instanceId == caseId || instanceId.StartsWith(caseId + ":", StringComparison.Ordinal);

    [LoggerMessage(EventId = 1141, Level = LogLevel.Information, Message = "Durable instances of deleted case {CaseId}: {Purged} purged, {Woken} still running (woken to end)")]
    private static partial void LogPurged(ILogger logger, string caseId, int purged, int woken);

    [LoggerMessage(EventId = 1142, Level = LogLevel.Warning, Message = "The purge of deleted case {CaseId}'s Durable instances failed; the next sweep tries again")]
    private static partial void LogPassFailed(ILogger logger, string caseId, Exception exception);
}
