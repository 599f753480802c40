using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Kim.Core.Records;

/// <summary>
/// Applies events to records with their workflow's pure decision and commits the result with the
/// rows' ETags in one entity-group transaction (ARCHITECTURE.md, "Records and orchestrations").
/// Events a decision raises on another record of the same case (a withdrawal sent to a referral,
/// a referral's update sent to its case, a child's end sent to its parent) are applied in the same
/// transaction, so the person who acted reads every consequence at once. Timers and pending
/// actions are only written down here; the orchestrations keep their time and run them.
/// </summary>
internal sealed class RecordEngine(
    IInstanceStore store,
    WorkflowRegistry registry,
    IRecordWaker waker,
    TimeProvider time,
    IReadOnlyList<IInstanceObserver> observers,
    ILogger logger)
{
    /// <summary>Instances one commit may write (one entity-group transaction holds 100 rows).</summary>
    private const int MaxInstancesPerCommit = 33;

    /// <summary>Rows one entity-group transaction may hold (Azure Table Storage).</summary>
    private const int MaxRowsPerCommit = 100;

    /// <summary>How often a lost race for the same record is decided again before giving up.</summary>
    private const int MaxConflictRetries = 100;

    public const string StartedEventId = "started";

    public IInstanceStore Store => store;

    public TimeProvider Time => time;

    public ILogger Logger => logger;

    public async Task<ApplyResult> StartAsync(string instanceId, string workflow, JsonElement? input, string actor, CancellationToken cancellationToken)
    {
        var definition = registry.Newest(workflow);
        if (definition is null)
        {
            return new ApplyResult(ApplyStatus.Rejected, null, new WorkflowRejection(RuntimeRejections.UnknownWorkflow, $"No workflow named {workflow} is registered."));
        }

        for (var attempt = 1; ; attempt++)
        {
            var existing = await store.GetAsync(instanceId, cancellationToken);
            if (existing is not null)
            {
                return new ApplyResult(ApplyStatus.Duplicate, existing);
            }

            var now = time.GetUtcNow();
            var fresh = NewInstance(instanceId, definition, parentId: null, now);
            var started = new WorkflowStarted(input) { EventId = StartedEventId, At = now, Actor = actor };
            var plan = new Plan();
            var step = await StepAsync(fresh, definition, started, queued: false, attentionReason: null, plan, cancellationToken);
            if (step.Rejection is not null)
            {
                return new ApplyResult(ApplyStatus.Rejected, null, step.Rejection);
            }

            if (await TryCommitAsync(plan, instanceId, attempt, cancellationToken))
            {
                return new ApplyResult(ApplyStatus.Applied, plan.Current(instanceId));
            }
        }
    }

    /// <summary>
    /// Applies <paramref name="workflowEvent"/> to the record. A <paramref name="queued"/> event (a
    /// timer, an action's result) that the decision rejects is still written, as a <c>rejected</c>
    /// history row, so its bookkeeping lands; an inline command that is rejected writes nothing.
    /// </summary>
    public async Task<ApplyResult> ApplyAsync(
        string instanceId,
        WorkflowEvent workflowEvent,
        bool queued,
        Func<InstanceRecord, ApplyStatus?>? guard,
        string? attentionReason,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var instance = await store.GetAsync(instanceId, cancellationToken);
            if (instance is null)
            {
                return new ApplyResult(ApplyStatus.NotFound, null);
            }

            if (await store.GetAppliedSequenceAsync(instanceId, workflowEvent.EventId, cancellationToken) is not null)
            {
                return new ApplyResult(ApplyStatus.Duplicate, instance);
            }

            if (guard?.Invoke(instance) is { } stopped)
            {
                return new ApplyResult(stopped, instance);
            }

            // An action asked for in the last step still runs after completion; its result only
            // clears the bookkeeping of an ended instance.
            var bookkeepingOnly = instance.IsEnded && workflowEvent is ActionCompleted or ActionFailed;
            if (instance.IsEnded && !bookkeepingOnly)
            {
                return new ApplyResult(ApplyStatus.NotRunning, instance);
            }

            var definition = registry.Find(instance.Workflow, instance.Version);
            if (definition is null && !bookkeepingOnly)
            {
                var reason = $"workflow {instance.Workflow} version {instance.Version} is not registered";
                await MarkAttentionAsync(instanceId, reason, cancellationToken);
                return new ApplyResult(ApplyStatus.VersionMissing, instance, new WorkflowRejection(RuntimeRejections.VersionMissing, reason));
            }

            var plan = new Plan();
            var step = await StepAsync(instance, bookkeepingOnly ? null : definition, workflowEvent, queued, attentionReason, plan, cancellationToken);
            if (step.Rejection is not null && !queued)
            {
                return new ApplyResult(ApplyStatus.Rejected, instance, step.Rejection);
            }

            if (await TryCommitAsync(plan, instanceId, attempt, cancellationToken))
            {
                return new ApplyResult(step.Rejection is null ? ApplyStatus.Applied : ApplyStatus.Rejected, plan.Current(instanceId), step.Rejection);
            }
        }
    }

    /// <summary>
    /// Changes a record outside its workflow (attention flags): <paramref name="change"/> returns the
    /// changed record, or null when nothing is to change. Written with a history row of
    /// <paramref name="kind"/>.
    /// </summary>
    public async Task<ApplyResult> OperateAsync(
        string instanceId,
        string kind,
        string actor,
        object data,
        Func<InstanceRecord, InstanceRecord?> change,
        CancellationToken cancellationToken)
    {
        var eventId = kind + "." + Guid.NewGuid().ToString("N");
        for (var attempt = 1; ; attempt++)
        {
            var instance = await store.GetAsync(instanceId, cancellationToken);
            if (instance is null)
            {
                return new ApplyResult(ApplyStatus.NotFound, null);
            }

            var changed = change(instance);
            if (changed is null)
            {
                return new ApplyResult(ApplyStatus.Duplicate, instance);
            }

            var now = time.GetUtcNow();
            var next = changed with { Sequence = instance.Sequence + 1, UpdatedAt = now };
            var plan = new Plan();
            plan.Record(instance, next, new HistoryEntry(instanceId, next.Sequence, eventId, kind, actor, now, KimJson.ToElement(data)));
            if (await TryCommitAsync(plan, instanceId, attempt, cancellationToken))
            {
                return new ApplyResult(ApplyStatus.Applied, next);
            }
        }
    }

    public Task<ApplyResult> MarkAttentionAsync(string instanceId, string reason, CancellationToken cancellationToken)
    {
        logger.NeedsAttention(instanceId, reason);
        return OperateAsync(
            instanceId,
            "needs-attention",
            Actors.System,
            new { reason },
            instance => instance.NeedsAttention && instance.AttentionReason == reason
                ? null
                : instance with { NeedsAttention = true, AttentionReason = reason },
            cancellationToken);
    }

    private async Task<StepResult> StepAsync(
        InstanceRecord instance,
        IWorkflowDefinition? definition,
        WorkflowEvent workflowEvent,
        bool queued,
        string? attentionReason,
        Plan plan,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sequence = instance.Sequence + 1;
        var timers = instance.Timers.ToList();
        var actions = instance.Actions.ToList();
        switch (workflowEvent)
        {
            case TimerFired fired:
                timers.RemoveAll(t => t.TimerId == fired.TimerId);
                break;
            case ActionCompleted completed:
                actions.RemoveAll(a => a.ActionId == completed.ActionId);
                break;
            case ActionFailed failed:
                actions.RemoveAll(a => a.ActionId == failed.ActionId);
                break;
        }

        var step = definition is null
            ? new WorkflowStep(instance.State, [], null, null)
            : definition.Apply(instance.State, workflowEvent, new WorkflowContext(instance.InstanceId, instance.ParentId, now));
        var eventJson = KimJson.ToElement(workflowEvent);
        var kind = eventJson.GetProperty("kind").GetString()!;
        var data = eventJson;
        if (step.Rejection is not null)
        {
            if (!queued)
            {
                return new StepResult(step.Rejection);
            }

            logger.QueuedEventRejected(instance.InstanceId, workflowEvent.EventId, step.Rejection.Code);
            kind = "rejected";
            data = KimJson.ToElement(new { @event = eventJson, rejection = step.Rejection });
            step = new WorkflowStep(instance.State, [], null, step.Rejection);
        }

        var status = instance.Status;
        var output = instance.Output;
        var error = instance.Error;
        var children = new List<(InstanceRecord Child, IWorkflowDefinition Definition, StartChild Command)>();
        var deliveries = new List<(string TargetId, WorkflowEvent Event)>();
        var texts = new List<KeptText>();
        foreach (var command in step.Commands)
        {
            switch (command)
            {
                case KeepText keep:
                    if (!InstanceIds.IsValid(keep.TextId) || !InstanceIds.IsRoot(keep.TextId) || keep.Text.Length > KeptText.MaxLength)
                    {
                        throw new InvalidOperationException($"{instance.InstanceId} keeps a text '{keep.TextId}' of {keep.Text.Length} characters; ids are letters, digits, '-', '_', '.', texts at most {KeptText.MaxLength} characters.");
                    }

                    texts.Add(new KeptText(instance.InstanceId, keep.TextId, keep.Text));
                    break;
                case StartTimer start:
                    timers.RemoveAll(t => t.TimerId == start.TimerId);
                    timers.Add(new HeldTimer(start.TimerId, start.DueAt, sequence));
                    break;
                case CancelTimer cancel:
                    timers.RemoveAll(t => t.TimerId == cancel.TimerId);
                    break;
                case RunAction run:
                    actions.RemoveAll(a => a.ActionId == run.ActionId);
                    actions.Add(new PendingAction(run.ActionId, run.ActionName, run.Input, sequence));
                    break;
                case StartChild startChild:
                    if (InstanceIds.ParentOf(startChild.ChildInstanceId) != instance.InstanceId || !InstanceIds.IsValid(startChild.ChildInstanceId))
                    {
                        throw new InvalidOperationException($"Child id {startChild.ChildInstanceId} must be '{instance.InstanceId}:{{suffix}}'.");
                    }

                    var childDefinition = registry.Newest(startChild.Workflow)
                        ?? throw new InvalidOperationException($"{instance.InstanceId} starts a child of unknown workflow {startChild.Workflow}.");
                    if (plan.Current(startChild.ChildInstanceId) is not null || await store.GetAsync(startChild.ChildInstanceId, cancellationToken) is not null)
                    {
                        logger.ChildExists(instance.InstanceId, startChild.ChildInstanceId);
                        break;
                    }

                    children.Add((NewInstance(startChild.ChildInstanceId, childDefinition, instance.InstanceId, now), childDefinition, startChild));
                    break;
                case RaiseEventOn raise:
                    if (InstanceIds.RootOf(raise.InstanceId) != instance.PartitionKey)
                    {
                        throw new InvalidOperationException($"{instance.InstanceId} may raise events only in its own partition, not on {raise.InstanceId}.");
                    }

                    deliveries.Add((raise.InstanceId, new EventRaised(raise.Name, raise.Payload)
                    {
                        EventId = $"{instance.InstanceId}@{sequence}.{deliveries.Count}",
                        At = now,
                        Actor = Actors.System,
                    }));
                    break;
                case CompleteWorkflow complete when status == WorkflowStatus.Running:
                    status = WorkflowStatus.Completed;
                    output = complete.Output;
                    break;
                case FailWorkflow fail when status == WorkflowStatus.Running:
                    status = WorkflowStatus.Failed;
                    error = fail.Reason;
                    break;
            }
        }

        var ended = status != instance.Status && status is WorkflowStatus.Completed or WorkflowStatus.Failed;
        if (ended)
        {
            timers.Clear();
        }

        var next = instance with
        {
            State = step.State,
            CustomStatus = step.CustomStatus ?? instance.CustomStatus,
            Status = status,
            Output = output,
            Error = error,
            Timers = timers,
            Actions = actions,
            Sequence = sequence,
            UpdatedAt = now,
            NeedsAttention = instance.NeedsAttention || attentionReason is not null,
            AttentionReason = attentionReason ?? instance.AttentionReason,
        };
        plan.Record(instance, next, new HistoryEntry(instance.InstanceId, sequence, workflowEvent.EventId, kind, workflowEvent.Actor, now, data), texts);
        if (ended && next.ParentId is not null)
        {
            deliveries.Add((next.ParentId, new ChildCompleted(next.InstanceId, next.Workflow, next.Status, next.Output)
            {
                EventId = "child-ended." + next.InstanceId,
                At = now,
                Actor = Actors.System,
            }));
        }

        foreach (var (child, childDefinition, command) in children)
        {
            var started = new WorkflowStarted(command.Input) { EventId = StartedEventId, At = now, Actor = Actors.System };
            var childStep = await StepAsync(child, childDefinition, started, queued: false, attentionReason: null, plan, cancellationToken);
            if (childStep.Rejection is not null)
            {
                throw new InvalidOperationException(
                    $"Child {child.InstanceId} ({command.Workflow}) refused to start: {childStep.Rejection.Code} {childStep.Rejection.Message}");
            }
        }

        foreach (var (targetId, delivered) in deliveries)
        {
            await DeliverAsync(targetId, delivered, plan, cancellationToken);
        }

        return new StepResult(step.Rejection);
    }

    /// <summary>
    /// Applies an event one record raised on another of the same case within the same commit, on
    /// the target as this commit leaves it. An ended or missing target drops the event (logged).
    /// </summary>
    private async Task DeliverAsync(string targetId, WorkflowEvent workflowEvent, Plan plan, CancellationToken cancellationToken)
    {
        var target = plan.Current(targetId) ?? await store.GetAsync(targetId, cancellationToken);
        var outcome = target is null ? ApplyStatus.NotFound
            : plan.Applied(targetId, workflowEvent.EventId) || await store.GetAppliedSequenceAsync(targetId, workflowEvent.EventId, cancellationToken) is not null ? ApplyStatus.Duplicate
            : target.IsEnded ? ApplyStatus.NotRunning
            : registry.Find(target.Workflow, target.Version) is null ? ApplyStatus.VersionMissing
            : (ApplyStatus?)null;
        if (outcome is { } dropped)
        {
            logger.EventNotApplied(targetId, workflowEvent.EventId, dropped.ToString());
            return;
        }

        await StepAsync(target!, registry.Find(target!.Workflow, target.Version), workflowEvent, queued: true, attentionReason: null, plan, cancellationToken);
    }

    private static InstanceRecord NewInstance(string instanceId, IWorkflowDefinition definition, string? parentId, DateTimeOffset now) =>
        new()
        {
            InstanceId = instanceId,
            Workflow = definition.Name,
            Version = definition.Version,
            Status = WorkflowStatus.Running,
            ParentId = parentId,
            CreatedAt = now,
            UpdatedAt = now,
            Sequence = 0,
        };

    private async Task<bool> TryCommitAsync(Plan plan, string instanceId, int attempt, CancellationToken cancellationToken)
    {
        var writes = plan.Writes();
        if (writes.Count > MaxInstancesPerCommit || writes.Sum(w => 1 + (2 * w.History.Count) + w.Texts.Count) > MaxRowsPerCommit)
        {
            throw new InvalidOperationException($"One step of {instanceId} writes {writes.Count} instances with {writes.Sum(w => w.History.Count)} history rows; that does not fit one transaction.");
        }

        var indexAdds = plan.Planned.SelectMany(p => IndexEntry.For(p.After).Except(p.Before is null ? [] : IndexEntry.For(p.Before))).ToList();
        var indexRemovals = plan.Planned.Where(p => p.Before is not null).SelectMany(p => IndexEntry.For(p.Before!).Except(IndexEntry.For(p.After))).ToList();
        var wakes = plan.Wakes();
        foreach (var entry in indexAdds)
        {
            await store.UpsertIndexAsync(entry, cancellationToken);
        }

        var wakeToken = wakes.Count == 0 ? null : await waker.BeforeCommitAsync(wakes, cancellationToken);
        try
        {
            await store.CommitAsync(writes, cancellationToken);
        }
        catch (InstanceConflictException) when (attempt < MaxConflictRetries)
        {
            logger.CommitConflict(instanceId, attempt);
            await Task.Yield();
            return false;
        }

        if (wakes.Count > 0)
        {
            try
            {
                await waker.AfterCommitAsync(wakes, wakeToken, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The outbox of BeforeCommitAsync still holds the wakes; its sweep delivers them.
                logger.WakeFailed(exception, instanceId);
            }
        }

        foreach (var entry in indexRemovals)
        {
            try
            {
                await store.DeleteIndexAsync(entry, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.IndexCleanupFailed(exception, entry.Key, entry.InstanceId);
            }
        }

        foreach (var write in writes)
        {
            foreach (var observer in observers)
            {
                try
                {
                    await observer.OnCommittedAsync(write.Instance, write.History[^1], cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.ObserverFailed(exception, write.Instance.InstanceId);
                }
            }
        }

        return true;
    }

    internal enum ApplyStatus
    {
        Applied,
        Duplicate,
        Rejected,
        NotFound,
        NotRunning,
        VersionMissing,

        /// <summary>The record no longer holds the timer or action the caller came for.</summary>
        Stale,

        /// <summary>The timer is not due yet by the app's clock.</summary>
        NotDue,
    }

    internal sealed record ApplyResult(ApplyStatus Status, InstanceRecord? Instance, WorkflowRejection? Rejection = null);

    private sealed record StepResult(WorkflowRejection? Rejection);

    /// <summary>The instances one commit writes, each with every step applied to it in order.</summary>
    internal sealed class Plan
    {
        private readonly List<PlannedInstance> _planned = [];

        public IReadOnlyList<PlannedInstance> Planned => _planned;

        public InstanceRecord? Current(string instanceId) => Find(instanceId)?.After;

        public bool Applied(string instanceId, string eventId) =>
            Find(instanceId)?.History.Any(h => h.EventId == eventId) == true;

        public void Record(InstanceRecord before, InstanceRecord after, HistoryEntry history, IReadOnlyList<KeptText>? texts = null)
        {
            if (Find(after.InstanceId) is not { } planned)
            {
                planned = new PlannedInstance(before.ETag is null ? null : before, after, []);
                _planned.Add(planned);
            }

            planned.After = after;
            planned.History.Add(history);
            planned.Texts.AddRange(texts ?? []);
        }

        public List<InstanceWrite> Writes() =>
            [.. _planned.Select(p => new InstanceWrite(p.After, p.History, InstanceBody.Encode(p.After)) { Texts = p.Texts })];

        /// <summary>Timers and actions that are new or moved: their orchestrations must re-read the record.</summary>
        public List<RecordWake> Wakes()
        {
            var wakes = new List<RecordWake>();
            foreach (var planned in _planned)
            {
                var before = planned.Before;
                var items = planned.After.Timers
                    .Where(t => before?.Timers.Contains(t) != true)
                    .Select(t => t.TimerId)
                    .Concat(planned.After.Actions.Where(a => before?.Actions.Any(b => b.ActionId == a.ActionId && b.Generation == a.Generation) != true).Select(a => a.ActionId))
                    .ToList();
                if (items.Count > 0)
                {
                    wakes.Add(new RecordWake(planned.After.InstanceId, planned.After.Workflow, items));
                }
            }

            return wakes;
        }

        private PlannedInstance? Find(string instanceId) => _planned.Find(p => p.After.InstanceId == instanceId);
    }

    /// <summary>One instance of a plan: as read (null if new), as it will be written, and its new history rows.</summary>
    internal sealed class PlannedInstance(InstanceRecord? before, InstanceRecord after, List<HistoryEntry> history)
    {
        public InstanceRecord? Before { get; } = before;

        public InstanceRecord After { get; set; } = after;

        public List<HistoryEntry> History { get; } = history;

        public List<KeptText> Texts { get; } = [];
    }
}
