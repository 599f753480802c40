using System.Text.Json;

namespace Kim.Core.Records;

/// <summary>
/// The operations on record instances (a case, its referrals and handovers). Start and raise are
/// applied inline (read, decide, commit with the ETag, retry on conflict), so a person who acted
/// sees the result in the next read; events between instances of one case land in the same
/// commit. Timers and pending actions are kept in time by the orchestrations (RecordClock).
/// </summary>
public sealed class WorkflowClient
{
    private readonly RecordEngine _engine;

    internal WorkflowClient(RecordEngine engine) => _engine = engine;

    private IInstanceStore Store => _engine.Store;

    /// <summary>Starts a root instance (an id without ':') with the newest version; a second start returns the existing instance as <see cref="WorkflowOutcome.Duplicate"/>.</summary>
    public async Task<WorkflowResult> StartAsync(string instanceId, string workflow, JsonElement? input, string actor, CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId);
        if (!InstanceIds.IsRoot(instanceId))
        {
            throw new ArgumentException("Only root instances are started from outside; children are started by their parent's StartChild.", nameof(instanceId));
        }

        return ToResult(await _engine.StartAsync(instanceId, workflow, input, actor, cancellationToken));
    }

    /// <summary>
    /// Raises a named event and applies it now. <paramref name="eventId"/> makes a retry safe (the
    /// same id is applied once; a repeat answers <see cref="WorkflowOutcome.Duplicate"/>); a new id is made when null.
    /// </summary>
    public async Task<WorkflowResult> RaiseEventAsync(
        string instanceId,
        string name,
        JsonElement? payload,
        string actor,
        string? eventId = null,
        CancellationToken cancellationToken = default)
    {
        var raised = NewEvent(name, payload, actor, eventId);
        return ToResult(await _engine.ApplyAsync(instanceId, raised, queued: false, guard: null, attentionReason: null, cancellationToken));
    }

    public async Task<InstanceSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await Store.GetAsync(instanceId, cancellationToken) is { } record ? InstanceSnapshot.From(record) : null;

    /// <summary>The timeline entry of the event <paramref name="eventId"/> applied to the instance (through its dedup marker); null if none was.</summary>
    public async Task<HistoryEntry?> GetAppliedAsync(string instanceId, string eventId, CancellationToken cancellationToken = default) =>
        await Store.GetAppliedSequenceAsync(instanceId, eventId, cancellationToken) is { } sequence
            ? await Store.GetHistoryEntryAsync(instanceId, sequence, cancellationToken)
            : null;

    /// <summary>The timeline, oldest first; pass <see cref="HistoryPage.NextAfterSequence"/> to read on.</summary>
    public async Task<HistoryPage> GetHistoryAsync(string instanceId, long afterSequence = 0, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var entries = await Store.GetHistoryAsync(instanceId, afterSequence, pageSize, cancellationToken);
        return new HistoryPage(entries, entries.Count == pageSize ? entries[^1].Sequence : null);
    }

    /// <summary>The free texts kept beside a record (<see cref="KeepText"/>), by text id; one range query of its partition.</summary>
    public Task<IReadOnlyDictionary<string, string>> GetTextsAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Store.GetTextsAsync(instanceId, cancellationToken);

    /// <summary>A root and all its descendants (a case with its referrals and handovers).</summary>
    public async Task<IReadOnlyList<InstanceSnapshot>> ListPartitionAsync(string instanceId, CancellationToken cancellationToken = default) =>
        [.. (await Store.ListPartitionAsync(InstanceIds.RootOf(instanceId), cancellationToken)).Select(InstanceSnapshot.From)];

    public Task<InstancePage> ListByStatusAsync(WorkflowStatus status, string? continueAfter = null, int pageSize = 100, CancellationToken cancellationToken = default) =>
        ListAsync(IndexEntry.ByStatus(status, string.Empty).Key, i => i.Status == status, continueAfter, pageSize, cancellationToken);

    public Task<InstancePage> ListByWorkflowAsync(string workflow, string? continueAfter = null, int pageSize = 100, CancellationToken cancellationToken = default) =>
        ListAsync(IndexEntry.ByWorkflow(workflow, string.Empty).Key, i => i.Workflow == workflow, continueAfter, pageSize, cancellationToken);

    public Task<InstancePage> ListNeedingAttentionAsync(string? continueAfter = null, int pageSize = 100, CancellationToken cancellationToken = default) =>
        ListAsync(IndexEntry.Attention(string.Empty).Key, i => i.NeedsAttention, continueAfter, pageSize, cancellationToken);

    /// <summary>A person has looked: the needs-attention flag goes away.</summary>
    public async Task<WorkflowResult> ClearAttentionAsync(string instanceId, string actor, CancellationToken cancellationToken = default) =>
        ToResult(await _engine.OperateAsync(
            instanceId,
            "attention-cleared",
            actor,
            new { },
            instance => instance.NeedsAttention ? instance with { NeedsAttention = false, AttentionReason = null } : null,
            cancellationToken));

    /// <summary>
    /// Deletes the instance, its descendants, their history and index rows (retention, deletion
    /// requests). Orchestrations that wake for them find nothing and end. Returns the number of instances deleted.
    /// </summary>
    public async Task<int> PurgeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var doomed = (await Store.ListPartitionAsync(InstanceIds.RootOf(instanceId), cancellationToken))
            .Where(i => i.InstanceId == instanceId || i.InstanceId.StartsWith(instanceId + ":", StringComparison.Ordinal))
            .ToList();
        if (doomed.Count == 0)
        {
            return 0;
        }

        await Store.DeleteAsync([.. doomed.Select(i => i.InstanceId)], cancellationToken);
        foreach (var entry in doomed.SelectMany(IndexEntry.For))
        {
            await Store.DeleteIndexAsync(entry, cancellationToken);
        }

        return doomed.Count;
    }

    private async Task<InstancePage> ListAsync(string key, Func<InstanceRecord, bool> stillTrue, string? continueAfter, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var ids = await Store.QueryIndexAsync(key, continueAfter, pageSize, cancellationToken);
        var found = new List<InstanceSnapshot>();
        foreach (var id in ids)
        {
            // Index rows are derived: the instance decides.
            if (await Store.GetAsync(id, cancellationToken) is { } instance && stillTrue(instance))
            {
                found.Add(InstanceSnapshot.From(instance));
            }
        }

        return new InstancePage(found, ids.Count == pageSize ? ids[^1] : null);
    }

    private EventRaised NewEvent(string name, JsonElement? payload, string actor, string? eventId)
    {
        eventId ??= "raised." + Guid.NewGuid().ToString("N");
        InstanceIds.ValidateEventId(eventId);
        return new EventRaised(name, payload) { EventId = eventId, At = _engine.Time.GetUtcNow(), Actor = actor };
    }

    private static WorkflowResult ToResult(RecordEngine.ApplyResult result)
    {
        var snapshot = result.Instance is null ? null : InstanceSnapshot.From(result.Instance);
        return result.Status switch
        {
            RecordEngine.ApplyStatus.Applied => new WorkflowResult(WorkflowOutcome.Applied, snapshot),
            RecordEngine.ApplyStatus.Duplicate => new WorkflowResult(WorkflowOutcome.Duplicate, snapshot),
            RecordEngine.ApplyStatus.NotFound => WorkflowResult.NotFound,
            RecordEngine.ApplyStatus.NotRunning => new WorkflowResult(
                WorkflowOutcome.Rejected,
                snapshot,
                new WorkflowRejection(RuntimeRejections.NotRunning, $"The instance has ended ({snapshot?.Status}).", snapshot?.Status.ToString().ToLowerInvariant())),
            _ => new WorkflowResult(WorkflowOutcome.Rejected, snapshot, result.Rejection),
        };
    }
}
