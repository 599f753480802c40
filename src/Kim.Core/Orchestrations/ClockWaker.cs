using Azure;
using Azure.Data.Tables;
using Kim.Core.Records;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Kim.Core.Orchestrations;

/// <summary>
/// Wakes the orchestrations that own a record's new timers and actions (<see cref="ClockOwnership"/>):
/// starts the instance by its id if none runs (a running one is kept: Durable's dedupe statuses)
/// and raises <see cref="ClockCycle.WakeEvent"/> on it. Before the commit the wakes
/// are written to an outbox table (one entity-group transaction); after the wake they are deleted.
/// A crash in between leaves them for <see cref="SweepAsync"/>, so no timer is ever forgotten.
/// </summary>
/// <param name="client">The Durable Task client of the host.</param>
/// <param name="outbox">The table <see cref="Storage.StorageNames.ClockWakesTable"/>; null keeps no outbox (unit tests of orchestrations).</param>
/// <param name="time">The app's clock.</param>
/// <param name="logger">Logs a failed wake.</param>
public sealed partial class ClockWaker(DurableTaskClient client, TableClient? outbox, TimeProvider time, ILogger<ClockWaker> logger) : IRecordWaker
{
    /// <summary>The outbox's one partition: the sweep reads it alone, so its cost follows the rows a crash left.</summary>
    public const string Partition = "pending";

    /// <summary>How old an outbox row must be before a sweep wakes it, and how often the hosts sweep (every minute).</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private static readonly OrchestrationRuntimeStatus[] Running =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <inheritdoc />
    public async Task<object?> BeforeCommitAsync(IReadOnlyList<RecordWake> wakes, CancellationToken cancellationToken)
    {
        var rows = Addresses(wakes).Select(w => new TableEntity(Partition, $"{w.Address.InstanceId}|{Guid.NewGuid():N}")
        {
            ["Orchestrator"] = w.Address.Orchestrator,
            ["RecordId"] = w.RecordId,
        }).ToList();
        if (outbox is not null && rows.Count > 0)
        {
            await outbox.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
        }

        return rows;
    }

    /// <inheritdoc />
    public async Task AfterCommitAsync(IReadOnlyList<RecordWake> wakes, object? token, CancellationToken cancellationToken)
    {
        foreach (var (address, recordId) in Addresses(wakes))
        {
            await WakeAsync(address, recordId, cancellationToken);
        }

        if (outbox is not null && token is List<TableEntity> { Count: > 0 } rows)
        {
            await outbox.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
        }
    }

    /// <summary>
    /// Wakes what the outbox holds from commits at least <paramref name="olderThan"/> ago (their
    /// process died between commit and wake) and deletes those rows. Reads one partition.
    /// </summary>
    /// <returns>How many wakes were delivered.</returns>
    public async Task<int> SweepAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        if (outbox is null)
        {
            return 0;
        }

        var before = time.GetUtcNow() - olderThan;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Timestamp le {before}");
        var swept = 0;
        await foreach (var row in outbox.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var instanceId = row.RowKey[..row.RowKey.LastIndexOf('|')];
            await WakeAsync(new ClockAddress(instanceId, row.GetString("Orchestrator")), row.GetString("RecordId"), cancellationToken);
            await outbox.DeleteEntityAsync(row, ETag.All, cancellationToken);
            swept++;
        }

        if (swept > 0)
        {
            LogSwept(logger, swept);
        }

        return swept;
    }

    /// <summary>Starts the orchestration if none runs under its id, then raises the wake-up event on it.</summary>
    public async Task WakeAsync(ClockAddress address, string recordId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var start = new StartOrchestrationOptions(address.InstanceId).WithDedupeStatuses(Running);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(address.Orchestrator, new ClockInput(recordId), start, cancellationToken);
        }
        catch (Exception exception) when (IsAlreadyRunning(exception))
        {
            // Running already: the wake-up event below reaches it.
        }

        await client.RaiseEventAsync(address.InstanceId, ClockCycle.WakeEvent, null, cancellationToken);
    }

    private static IEnumerable<(ClockAddress Address, string RecordId)> Addresses(IReadOnlyList<RecordWake> wakes) =>
        wakes.SelectMany(w => w.ItemIds.Select(i => (ClockOwnership.For(w.RecordId, w.Workflow, i), w.RecordId))).Distinct();

    // The gRPC client reports an existing instance as an RpcException with status AlreadyExists
    // when the backend is set to throw; by default the backend drops the duplicate silently.
    private static bool IsAlreadyRunning(Exception exception) =>
        exception.GetType().Name is "OrchestrationAlreadyExistsException" ||
        (exception.GetType().Name == "RpcException" && exception.Message.Contains("AlreadyExists", StringComparison.Ordinal));

    [LoggerMessage(EventId = 1130, Level = LogLevel.Warning, Message = "Woke {Count} orchestrations that a crash had left in the outbox")]
    private static partial void LogSwept(ILogger logger, int count);
}
