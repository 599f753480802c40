using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Kim.Core.Runtime;

/// <summary>
/// The one place where an instance changes: read it, decide, send the messages the step needs,
/// then commit the instance row, its history row and its dedup marker (and rows of children it
/// starts) in one transaction guarded by the ETag; on a conflict, read again and re-apply.
/// Messages go out BEFORE the commit and carry the sequence the commit gives the instance, so a
/// message can arrive before its commit (the handler waits for it) but never is lost after it.
/// </summary>
internal sealed class WorkflowEngine(
    IInstanceStore store,
    IWorkQueue queue,
    WorkflowRegistry registry,
    WorkflowRuntimeOptions options,
    TimeProvider time,
    IReadOnlyList<IInstanceObserver> observers,
    ILogger logger)
{
    /// <summary>An entity-group transaction holds 100 operations; each instance written takes three.</summary>
    private const int MaxInstancesPerCommit = 33;

    public const string StartedEventId = "started";

    public IInstanceStore Store => store;

    public IWorkQueue Queue => queue;

    public WorkflowRuntimeOptions Options => options;

    public TimeProvider Time => time;

    public ILogger Logger => logger;

    /// <summary>Starts a root instance with the newest version of its workflow, or returns the one that exists.</summary>
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
                return new ApplyResult(ApplyStatus.Applied, plan.Writes[0].Instance);
            }
        }
    }

    /// <summary>
    /// Applies one event exactly once. <paramref name="guard"/> is asked on every fresh read and may
    /// stop the apply (a timer no longer held, a commit not landed yet). A queued event that the
    /// decision rejects is recorded as a <c>rejected</c> history row, so the runtime's own
    /// bookkeeping (the fired timer, the finished action) still lands.
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

            if (await store.HasAppliedAsync(instanceId, workflowEvent.EventId, cancellationToken))
            {
                return new ApplyResult(ApplyStatus.Duplicate, instance);
            }

            if (guard?.Invoke(instance) is { } stopped)
            {
                return new ApplyResult(stopped, instance);
            }

            if (instance.Status == WorkflowStatus.Suspended)
            {
                return new ApplyResult(ApplyStatus.Suspended, instance);
            }

            // An action asked for in the last step still runs after completion; its result only
            // clears the bookkeeping of an ended instance.
            var bookkeepingOnly = instance.Status is WorkflowStatus.Completed or WorkflowStatus.Failed &&
                workflowEvent is ActionCompleted or ActionFailed;
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
                return new ApplyResult(step.Rejection is null ? ApplyStatus.Applied : ApplyStatus.Rejected, plan.Writes[0].Instance, step.Rejection);
            }
        }
    }

    /// <summary>
    /// A runtime operation (suspend, resume, terminate, attention): <paramref name="change"/> gives the
    /// new row (or null to do nothing) and may add messages; recorded as a history row of <paramref name="kind"/>.
    /// </summary>
    public async Task<ApplyResult> OperateAsync(
        string instanceId,
        string kind,
        string actor,
        object data,
        Func<InstanceRecord, Plan, InstanceRecord?> change,
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

            var plan = new Plan();
            var changed = change(instance, plan);
            if (changed is null)
            {
                return new ApplyResult(ApplyStatus.Duplicate, instance);
            }

            var now = time.GetUtcNow();
            var next = changed with { Sequence = instance.Sequence + 1, UpdatedAt = now };
            var body = InstanceBody.Encode(next);
            var history = new HistoryEntry(instanceId, next.Sequence, eventId, kind, actor, now, KimJson.ToElement(data));
            if (next.IsEnded && !instance.IsEnded && next.ParentId is not null)
            {
                plan.Messages.Add((ChildCompletedWork(next, eventId), TimeSpan.Zero));
            }

            plan.Add(instance, next, history, body);
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
            (instance, _) => instance.NeedsAttention && instance.AttentionReason == reason
                ? null
                : instance with { NeedsAttention = true, AttentionReason = reason },
            cancellationToken);
    }

    public TimeSpan TimerDelay(DateTimeOffset dueAt, DateTimeOffset now)
    {
        var hop = options.LongestTimerHop < queue.MaxVisibilityDelay ? options.LongestTimerHop : queue.MaxVisibilityDelay;
        var wait = dueAt - now;
        return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < hop ? wait : hop;
    }

    public Task SendAsync(WorkMessage message, TimeSpan delay, CancellationToken cancellationToken) =>
        queue.SendAsync(message.ToJson(), delay, cancellationToken);

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
        var raised = 0;
        foreach (var command in step.Commands)
        {
            switch (command)
            {
                case StartTimer start:
                    timers.RemoveAll(t => t.TimerId == start.TimerId);
                    timers.Add(new HeldTimer(start.TimerId, start.DueAt, sequence));
                    plan.Messages.Add((
                        new TimerWork(start.TimerId, start.DueAt) { InstanceId = instance.InstanceId, Sequence = sequence },
                        TimerDelay(start.DueAt, now)));
                    break;
                case CancelTimer cancel:
                    timers.RemoveAll(t => t.TimerId == cancel.TimerId);
                    break;
                case RunAction run:
                    actions.RemoveAll(a => a.ActionId == run.ActionId);
                    actions.Add(new PendingAction(run.ActionId, run.ActionName, run.Input, sequence));
                    plan.Messages.Add((new ActionWork(run.ActionId, 1) { InstanceId = instance.InstanceId, Sequence = sequence }, TimeSpan.Zero));
                    break;
                case StartChild startChild:
                    if (InstanceIds.ParentOf(startChild.ChildInstanceId) != instance.InstanceId || !InstanceIds.IsValid(startChild.ChildInstanceId))
                    {
                        throw new InvalidOperationException($"Child id {startChild.ChildInstanceId} must be '{instance.InstanceId}:{{suffix}}'.");
                    }

                    var childDefinition = registry.Newest(startChild.Workflow)
                        ?? throw new InvalidOperationException($"{instance.InstanceId} starts a child of unknown workflow {startChild.Workflow}.");
                    if (await store.GetAsync(startChild.ChildInstanceId, cancellationToken) is not null)
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

                    var raisedEvent = new EventRaised(raise.Name, raise.Payload)
                    {
                        EventId = $"{instance.InstanceId}@{sequence}.{raised++}",
                        At = now,
                        Actor = Actors.System,
                    };
                    plan.Messages.Add((
                        new DeliveryWork(raisedEvent, instance.InstanceId, workflowEvent.EventId) { InstanceId = raise.InstanceId, Sequence = sequence },
                        TimeSpan.Zero));
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
        var body = InstanceBody.Encode(next);
        plan.Add(instance, next, new HistoryEntry(instance.InstanceId, sequence, workflowEvent.EventId, kind, workflowEvent.Actor, now, data), body);
        if (ended && next.ParentId is not null)
        {
            plan.Messages.Add((ChildCompletedWork(next, workflowEvent.EventId), TimeSpan.Zero));
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

        return new StepResult(step.Rejection);
    }

    private static DeliveryWork ChildCompletedWork(InstanceRecord child, string originEventId)
    {
        var completed = new ChildCompleted(child.InstanceId, child.Workflow, child.Status, child.Output)
        {
            EventId = "child-ended." + child.InstanceId,
            At = child.UpdatedAt,
            Actor = Actors.System,
        };
        return new DeliveryWork(completed, child.InstanceId, originEventId) { InstanceId = child.ParentId!, Sequence = child.Sequence };
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

    /// <summary>Index rows first, then messages, then the commit; stale index rows are removed after it.</summary>
    private async Task<bool> TryCommitAsync(Plan plan, string instanceId, int attempt, CancellationToken cancellationToken)
    {
        if (plan.Writes.Count > MaxInstancesPerCommit)
        {
            throw new InvalidOperationException($"One step of {instanceId} writes {plan.Writes.Count} instances; at most {MaxInstancesPerCommit} fit one transaction.");
        }

        foreach (var entry in plan.IndexAdds)
        {
            await store.UpsertIndexAsync(entry, cancellationToken);
        }

        foreach (var (message, delay) in plan.Messages)
        {
            await SendAsync(message, delay, cancellationToken);
        }

        try
        {
            await store.CommitAsync(plan.Writes, cancellationToken);
        }
        catch (InstanceConflictException) when (attempt < options.MaxConflictRetries)
        {
            logger.CommitConflict(instanceId, attempt);
            await Task.Yield();
            return false;
        }

        foreach (var entry in plan.IndexRemovals)
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

        foreach (var write in plan.Writes)
        {
            foreach (var observer in observers)
            {
                try
                {
                    await observer.OnCommittedAsync(write.Instance, write.History, cancellationToken);
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
        Suspended,
        VersionMissing,

        /// <summary>The work no longer matches the instance (timer moved or cancelled, action done).</summary>
        Stale,

        /// <summary>The instance has not reached the sequence the work was sent for (its commit has not landed).</summary>
        Behind,
    }

    internal sealed record ApplyResult(ApplyStatus Status, InstanceRecord? Instance, WorkflowRejection? Rejection = null);

    private sealed record StepResult(WorkflowRejection? Rejection);

    /// <summary>What one commit writes and sends.</summary>
    internal sealed class Plan
    {
        public List<InstanceWrite> Writes { get; } = [];

        public List<(WorkMessage Message, TimeSpan Delay)> Messages { get; } = [];

        public List<IndexEntry> IndexAdds { get; } = [];

        public List<IndexEntry> IndexRemovals { get; } = [];

        public void Add(InstanceRecord before, InstanceRecord after, HistoryEntry history, byte[] body)
        {
            Writes.Add(new InstanceWrite(after, history, body));
            var old = before.ETag is null ? [] : IndexEntry.For(before);
            var now = IndexEntry.For(after);
            IndexAdds.AddRange(now.Except(old));
            IndexRemovals.AddRange(old.Except(now));
        }
    }
}
