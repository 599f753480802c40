using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Kim.Core.Records;
using Kim.Core.Storage;
using Kim.Core.Workflows;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kim.Core.Reminders;

/// <summary>
/// The due-date index of the daily digest (table <see cref="StorageNames.DueIndexTable"/>), kept as a
/// projection of case instances, so that the digest job reads what is due and nothing else.
/// <list type="bullet">
/// <item>Partition <c>d|{district}</c> (<c>d|-</c> for a case without a district), one row per open
/// item (<see cref="CaseDueItems.Entries"/>) with RowKey <c>{visibleFrom:yyyyMMddHHmmss}|{caseId}|{itemId}</c>
/// (UTC): a query <c>RowKey lt '{now}'</c> returns exactly the rows that a digest now lists.</item>
/// <item>In the same partition one pointer row per case, RowKey <c>p|{caseId}</c> (sorts after every
/// digit, so never in a due query), with the case's current row keys and the instance sequence it
/// was projected from. The observer sees only the new record: it diffs against the pointer and
/// commits new rows, the pointer (with its ETag) and the deletions in one entity-group transaction.
/// An older record than the pointer's is ignored, so late or repeated calls change nothing.</item>
/// <item>Partition <c>districts</c>: one row per district that ever had an item, so the job knows
/// which partitions to query.</item>
/// </list>
/// The rows are derived: a missed call (crash after the commit) leaves a row missing until the case
/// next changes or <see cref="RebuildAsync"/> runs; a stale row is dropped by the job, which re-reads
/// every case it names before mailing.
/// </summary>
public sealed class DueIndex : IInstanceObserver
{
    public const string DistrictsPartition = "districts";
    public const string NoDistrict = "-";

    private const int MaxAttempts = 5;
    private const int MaxBatch = 100;
    private const char KeySeparator = '\n';

    private readonly TableClient _table;
    private readonly WorkingCalendar _calendar;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, bool> _knownDistricts = new(StringComparer.Ordinal);

    public DueIndex(TableClient table, WorkingCalendar calendar, ILogger<DueIndex>? logger = null)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public WorkingCalendar Calendar => _calendar;

    public string TableName => _table.Name;

    public static string Partition(string? district) => "d|" + (string.IsNullOrEmpty(district) ? NoDistrict : district);

    public static string PointerRowKey(string caseId) => "p|" + caseId;

    public static string RowKey(DateTimeOffset visibleFrom, string caseId, string itemId) =>
        $"{Stamp(visibleFrom)}|{caseId}|{itemId}";

    /// <summary>Called by the runtime after each commit; only case instances are projected.</summary>
    public Task OnCommittedAsync(InstanceRecord instance, HistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Workflow == CaseWorkflow.WorkflowName && InstanceIds.IsRoot(instance.InstanceId)
            ? ProjectAsync(instance, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>Brings the case's rows in line with <paramref name="instance"/>, unless a newer record was projected already.</summary>
    public async Task ProjectAsync(InstanceRecord instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.StateAs<CaseWorkflowState>() is not { } state)
        {
            return;
        }

        var partition = Partition(state.District);
        var wanted = WantedRows(instance, state);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var pointer = await _table.GetEntityOrDefaultAsync(partition, PointerRowKey(state.CaseId), cancellationToken: cancellationToken);
            if (pointer?.GetInt64("Sequence") is { } projected && projected >= instance.Sequence)
            {
                return;
            }

            if (pointer is null && wanted.Count == 0)
            {
                return;
            }

            var had = ReadKeys(pointer);
            var routingChanged = pointer is not null
                && (pointer.GetString("Assignee") != state.Assignee || pointer.GetString("Municipality") != state.Municipality);
            var upserts = wanted.Where(r => routingChanged || !had.Contains(r.RowKey)).ToList();
            var deletes = had.Except(wanted.Select(r => r.RowKey), StringComparer.Ordinal).ToList();
            if (pointer is not null && upserts.Count == 0 && deletes.Count == 0 && !routingChanged)
            {
                return;
            }

            if (pointer is null)
            {
                await RegisterDistrictAsync(state.District, cancellationToken);
            }

            var pointerAction = wanted.Count == 0
                ? new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, PointerRowKey(state.CaseId)), pointer!.ETag)
                : pointer is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, Pointer(partition, instance, state, wanted))
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, Pointer(partition, instance, state, wanted), pointer.ETag);
            if (await WriteAsync(partition, upserts, pointerAction, deletes, cancellationToken))
            {
                ReminderLogs.DueIndexProjected(_logger, state.CaseId, instance.Sequence, wanted.Count, upserts.Count, deletes.Count);
                return;
            }
        }

        ReminderLogs.DueIndexGaveUp(_logger, state.CaseId, instance.Sequence, MaxAttempts);
    }

    /// <summary>
    /// Deletes the case's due rows and its pointer (retention and Art. 17 deletion), whatever the
    /// record's sequence. Rows a lost projection left behind are dropped by the digest job, which
    /// finds no case behind them. Deleting again finds nothing.
    /// </summary>
    /// <param name="district">The case's district (<see cref="CaseWorkflowState.District"/>), whose partition holds its rows.</param>
    /// <param name="caseId">The case.</param>
    /// <param name="cancellationToken">Stops the deletion; what was deleted stays deleted.</param>
    public async Task ForgetAsync(string? district, string caseId, CancellationToken cancellationToken)
    {
        var partition = Partition(district);
        if (await _table.GetEntityOrDefaultAsync(partition, PointerRowKey(caseId), cancellationToken: cancellationToken) is not { } pointer)
        {
            return;
        }

        foreach (var rowKey in ReadKeys(pointer))
        {
            await _table.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken);
        }

        await _table.DeleteEntityAsync(partition, pointer.RowKey, ETag.All, cancellationToken);
    }

    /// <summary>
    /// Writes the rows and pointers of many cases without reading first (a rebuild after lost
    /// projections, or seeding): upserts in batches of 100 per partition. Rows a case no longer has
    /// stay until the digest job meets and drops them. Returns the number of due rows written.
    /// </summary>
    public async Task<int> RebuildAsync(IEnumerable<InstanceRecord> instances, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var perPartition = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        var rows = 0;
        foreach (var instance in instances)
        {
            if (instance.Workflow != CaseWorkflow.WorkflowName || instance.StateAs<CaseWorkflowState>() is not { } state)
            {
                continue;
            }

            var wanted = WantedRows(instance, state);
            if (wanted.Count == 0)
            {
                continue;
            }

            var partition = Partition(state.District);
            if (!perPartition.TryGetValue(partition, out var list))
            {
                await RegisterDistrictAsync(state.District, cancellationToken);
                perPartition[partition] = list = [];
            }

            list.AddRange(wanted);
            list.Add(Pointer(partition, instance, state, wanted));
            rows += wanted.Count;
        }

        foreach (var list in perPartition.Values)
        {
            foreach (var chunk in list.Chunk(MaxBatch))
            {
                try
                {
                    // Inserts first: into an empty index (the usual rebuild) they are the cheaper operation.
                    await _table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken);
                }
                catch (RequestFailedException conflict) when (conflict.Status == 409)
                {
                    await _table.SubmitTransactionAsync(
                        chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
                }
            }
        }

        return rows;
    }

    /// <summary>Every row that a digest at <paramref name="at"/> lists (visible from then or earlier), over all districts.</summary>
    public async Task<IReadOnlyList<DueIndexRow>> ListVisibleAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var districts = new List<string>();
        var registry = TableClient.CreateQueryFilter($"PartitionKey eq {DistrictsPartition}");
        await foreach (var row in _table.QueryAsync<TableEntity>(registry, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            districts.Add(row.RowKey);
        }

        // Whole seconds in the key: every row stamped up to the occurrence's second sorts below the next second.
        var bound = Stamp(at.AddSeconds(1));
        var found = new List<DueIndexRow>();
        foreach (var district in districts)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(district)} and RowKey lt {bound}");
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                found.Add(new DueIndexRow(
                    row.PartitionKey,
                    row.RowKey,
                    row.GetString("CaseId") ?? string.Empty,
                    row.GetString("Item") ?? string.Empty,
                    district == NoDistrict ? null : district,
                    row.GetString("Municipality"),
                    row.GetString("Assignee"),
                    row.ETag));
            }
        }

        return found;
    }

    /// <summary>Deletes a row the job found stale, unless the projection rewrote it since it was read.</summary>
    public async Task DeleteStaleAsync(DueIndexRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            ReminderLogs.DueIndexStaleRowDeleted(_logger, row.RowKey);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Rewritten by the projection in between: it is current again.
        }
    }

    private List<TableEntity> WantedRows(InstanceRecord instance, CaseWorkflowState state)
    {
        if (instance.IsEnded)
        {
            return [];
        }

        var partition = Partition(state.District);
        return [.. CaseDueItems.Entries(state, _calendar)
            .Select(entry =>
            {
                var row = new TableEntity(partition, RowKey(entry.VisibleFrom, state.CaseId, entry.ItemId))
                {
                    { "CaseId", state.CaseId },
                    { "Item", entry.ItemId },
                    { "Kind", entry.Kind.ToString() },
                    { "DueAt", entry.DueAt },
                    { "Municipality", state.Municipality },
                };
                row["Assignee"] = state.Assignee;
                return row;
            })
            .DistinctBy(r => r.RowKey, StringComparer.Ordinal)];
    }

    private static TableEntity Pointer(string partition, InstanceRecord instance, CaseWorkflowState state, List<TableEntity> rows)
    {
        var pointer = new TableEntity(partition, PointerRowKey(state.CaseId))
        {
            { "CaseId", state.CaseId },
            { "Sequence", instance.Sequence },
            { "Municipality", state.Municipality },
            { "Keys", string.Join(KeySeparator, rows.Select(r => r.RowKey)) },
        };
        pointer["Assignee"] = state.Assignee;
        return pointer;
    }

    private static HashSet<string> ReadKeys(TableEntity? pointer) =>
        new((pointer?.GetString("Keys") ?? string.Empty).Split(KeySeparator, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>
    /// Commits rows, pointer and deletions together when they fit one transaction; otherwise (or when
    /// a row to delete is already gone) rows first, then the pointer, then the deletions, so that a
    /// crash in between leaves extra rows (which the job drops), never missing ones. False when the
    /// pointer changed since it was read.
    /// </summary>
    private async Task<bool> WriteAsync(
        string partition, List<TableEntity> upserts, TableTransactionAction pointer, List<string> deletes, CancellationToken cancellationToken)
    {
        var rows = upserts.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList();
        if (rows.Count + 1 + deletes.Count <= MaxBatch)
        {
            try
            {
                await _table.SubmitTransactionAsync(
                    [.. rows, pointer, .. deletes.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k)))],
                    cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                return false;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // A row to delete was dropped by the job already (or the pointer is gone): go step by step.
            }
        }

        foreach (var chunk in rows.Chunk(MaxBatch))
        {
            await _table.SubmitTransactionAsync(chunk, cancellationToken);
        }

        try
        {
            await _table.SubmitTransactionAsync([pointer], cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false;
        }

        foreach (var key in deletes)
        {
            await _table.DeleteEntityAsync(partition, key, cancellationToken: cancellationToken);
        }

        return true;
    }

    private async Task RegisterDistrictAsync(string? district, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrEmpty(district) ? NoDistrict : district;
        if (_knownDistricts.ContainsKey(name))
        {
            return;
        }

        await _table.UpsertEntityAsync(new TableEntity(DistrictsPartition, name), TableUpdateMode.Merge, cancellationToken);
        _knownDistricts[name] = true;
    }

    private static string Stamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
