namespace Kim.Core.Records;

/// <summary>
/// The record side of the orchestrations: fires a record's due timers and runs its pending actions,
/// each applied as an event with a deterministic id (<c>timer.{timerId}.{generation}</c>,
/// <c>action.{actionId}.{generation}</c>), so an activity that runs twice changes the record once.
/// Due times are compared with the app's clock (UTC), never acted on early.
/// </summary>
public sealed class RecordClock
{
    private readonly RecordEngine _engine;
    private readonly ActionRegistry _actions;

    internal RecordClock(RecordEngine engine, ActionRegistry actions)
    {
        _engine = engine;
        _actions = actions;
    }

    /// <summary>The app's clock.</summary>
    public TimeProvider Time => _engine.Time;

    /// <summary>The record as stored, or null when it does not exist (any more).</summary>
    public Task<InstanceRecord?> ReadAsync(string recordId, CancellationToken cancellationToken = default) =>
        _engine.Store.GetAsync(recordId, cancellationToken);

    /// <summary>
    /// Fires the timer if the record still holds it with this generation and due time and the app's
    /// clock has reached it: its workflow decides what follows (a notice, a next timer …).
    /// </summary>
    public async Task<ClockOutcome> FireTimerAsync(string recordId, string timerId, long generation, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        var now = _engine.Time.GetUtcNow();
        var fired = new TimerFired(timerId, dueAt) { EventId = $"timer.{timerId}.{generation}", At = now, Actor = Actors.System };
        var result = await _engine.ApplyAsync(
            recordId,
            fired,
            queued: true,
            instance => !instance.Timers.Contains(new HeldTimer(timerId, dueAt, generation)) ? RecordEngine.ApplyStatus.Stale
                : now < dueAt ? RecordEngine.ApplyStatus.NotDue
                : null,
            attentionReason: null,
            cancellationToken);
        if (result.Status is RecordEngine.ApplyStatus.Applied or RecordEngine.ApplyStatus.Rejected)
        {
            _engine.Logger.TimerFired(recordId, timerId, dueAt, (long)(now - dueAt).TotalMilliseconds);
        }

        return Outcome(result.Status);
    }

    /// <summary>
    /// Runs the pending action if the record still holds it with this generation, with the
    /// idempotency key <c>{recordId}|{actionId}</c> (stable across attempts), and records its result.
    /// A failing handler's exception propagates, so the activity's retry policy tries again.
    /// </summary>
    /// <exception cref="InvalidOperationException">No handler of the action's name is registered.</exception>
    public async Task<ClockOutcome> RunActionAsync(string recordId, string actionId, long generation, int attempt, CancellationToken cancellationToken = default)
    {
        var instance = await _engine.Store.GetAsync(recordId, cancellationToken);
        if (instance is null)
        {
            return ClockOutcome.Gone;
        }

        if (instance.Actions.FirstOrDefault(a => a.ActionId == actionId && a.Generation == generation) is not { } pending)
        {
            return ClockOutcome.Stale;
        }

        var handler = _actions.Find(pending.ActionName)
            ?? throw new InvalidOperationException($"no action handler named {pending.ActionName} is registered");
        var request = new ActionRequest(recordId, instance.Workflow, actionId, $"{recordId}|{actionId}", pending.Input, attempt);
        var result = await handler.ExecuteAsync(request, cancellationToken);
        var completed = new ActionCompleted(actionId, result) { EventId = $"action.{actionId}.{generation}", At = _engine.Time.GetUtcNow(), Actor = Actors.System };
        var applied = await _engine.ApplyAsync(recordId, completed, queued: true, Holds(actionId, generation), attentionReason: null, cancellationToken);
        return Outcome(applied.Status);
    }

    /// <summary>
    /// Records that the action failed for good: its workflow hears <see cref="ActionFailed"/> and the
    /// record is flagged as needing attention with the reason (shown on the case).
    /// </summary>
    public async Task<ClockOutcome> FailActionAsync(string recordId, string actionId, long generation, string error, int attempts, CancellationToken cancellationToken = default)
    {
        var instance = await _engine.Store.GetAsync(recordId, cancellationToken);
        var name = instance?.Actions.FirstOrDefault(a => a.ActionId == actionId)?.ActionName ?? actionId;
        var attention = $"action {name} ({actionId}) failed after {attempts} attempts: {error}";
        _engine.Logger.ActionFailedForGood(recordId, actionId, attempts);
        var failed = new ActionFailed(actionId, error, attempts) { EventId = $"action.{actionId}.{generation}", At = _engine.Time.GetUtcNow(), Actor = Actors.System };
        var applied = await _engine.ApplyAsync(recordId, failed, queued: true, Holds(actionId, generation), attention, cancellationToken);
        if (applied.Status is not (RecordEngine.ApplyStatus.Applied or RecordEngine.ApplyStatus.Rejected or RecordEngine.ApplyStatus.Duplicate or RecordEngine.ApplyStatus.NotFound))
        {
            await _engine.MarkAttentionAsync(recordId, attention, cancellationToken);
        }

        return Outcome(applied.Status);
    }

    /// <summary>Flags the record as needing attention (an orchestration of it failed), with the reason.</summary>
    public async Task MarkAttentionAsync(string recordId, string reason, CancellationToken cancellationToken = default) =>
        await _engine.MarkAttentionAsync(recordId, reason, cancellationToken);

    private static Func<InstanceRecord, RecordEngine.ApplyStatus?> Holds(string actionId, long generation) =>
        instance => instance.Actions.Any(a => a.ActionId == actionId && a.Generation == generation) ? null : RecordEngine.ApplyStatus.Stale;

    private static ClockOutcome Outcome(RecordEngine.ApplyStatus status) => status switch
    {
        RecordEngine.ApplyStatus.NotFound => ClockOutcome.Gone,
        RecordEngine.ApplyStatus.NotDue => ClockOutcome.NotDue,
        RecordEngine.ApplyStatus.Applied or RecordEngine.ApplyStatus.Rejected or RecordEngine.ApplyStatus.Duplicate => ClockOutcome.Done,
        _ => ClockOutcome.Stale,
    };
}
