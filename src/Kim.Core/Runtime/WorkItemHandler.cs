using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Kim.Core.Runtime;

/// <summary>
/// Processes one work message: the same code under every driver (the standalone
/// <see cref="WorkDispatcher"/>, the Azure Functions queue trigger). Returns an outcome when the
/// message is done with and should be acknowledged; throws when it should be retried (the queue
/// shows it again and <c>dequeueCount</c> rises). After <see cref="WorkflowRuntimeOptions.MaxDequeueCount"/>
/// receives the message is poison: kept in the poison queue, its instance flagged, acknowledged.
/// </summary>
public sealed class WorkItemHandler
{
    private readonly WorkflowEngine _engine;
    private readonly ActionRegistry _actions;
    private readonly IWorkQueue _poison;
    private readonly ILogger _logger;

    internal WorkItemHandler(WorkflowEngine engine, ActionRegistry actions, IWorkQueue poison)
    {
        _engine = engine;
        _actions = actions;
        _poison = poison;
        _logger = engine.Logger;
    }

    private WorkflowRuntimeOptions Options => _engine.Options;

    public async Task<WorkOutcome> HandleAsync(string messageText, int dequeueCount, CancellationToken cancellationToken)
    {
        WorkMessage message;
        try
        {
            message = WorkMessage.FromJson(messageText);
        }
        catch (JsonException exception)
        {
            await KeepAsync(messageText, dequeueCount, "unreadable work message: " + exception.Message, cancellationToken);
            return WorkOutcome.Poisoned;
        }

        if (dequeueCount > Options.MaxDequeueCount)
        {
            var reason = $"{KindOf(message)} work failed {dequeueCount - 1} times and was set aside";
            _logger.PoisonMessage("-", message.InstanceId, dequeueCount);
            await KeepAsync(messageText, dequeueCount, reason, cancellationToken);
            await _engine.MarkAttentionAsync(message.InstanceId, reason, cancellationToken);
            return WorkOutcome.Poisoned;
        }

        return message switch
        {
            TimerWork timer => await HandleTimerAsync(timer, messageText, dequeueCount, cancellationToken),
            ActionWork action => await HandleActionAsync(action, messageText, dequeueCount, cancellationToken),
            DeliveryWork delivery => await HandleDeliveryAsync(delivery, messageText, dequeueCount, cancellationToken),
            _ => throw new InvalidOperationException("unknown work message " + message.GetType().Name),
        };
    }

    private async Task<WorkOutcome> HandleTimerAsync(TimerWork timer, string text, int dequeueCount, CancellationToken cancellationToken)
    {
        // An early timer re-arms without reading the instance: an idle instance costs queue hops only.
        var now = _engine.Time.GetUtcNow();
        if (now < timer.DueAt)
        {
            var delay = _engine.TimerDelay(timer.DueAt, now);
            await _engine.SendAsync(timer, delay, cancellationToken);
            _logger.TimerRearmed(timer.InstanceId, timer.TimerId, timer.DueAt, delay);
            return WorkOutcome.Rearmed;
        }

        var fired = new TimerFired(timer.TimerId, timer.DueAt)
        {
            EventId = $"timer.{timer.TimerId}.{timer.Sequence}",
            At = now,
            Actor = Actors.System,
        };
        var result = await _engine.ApplyAsync(
            timer.InstanceId,
            fired,
            queued: true,
            instance => instance.Sequence < timer.Sequence ? WorkflowEngine.ApplyStatus.Behind
                : instance.Timers.Any(t => t.TimerId == timer.TimerId && t.Generation == timer.Sequence && t.DueAt == timer.DueAt) ? null
                : WorkflowEngine.ApplyStatus.Stale,
            attentionReason: null,
            cancellationToken);
        if (result.Status == WorkflowEngine.ApplyStatus.Applied)
        {
            _logger.TimerFired(timer.InstanceId, timer.TimerId, timer.DueAt, (long)(now - timer.DueAt).TotalMilliseconds);
        }

        return await FinishAsync(timer, text, dequeueCount, result, cancellationToken);
    }

    private async Task<WorkOutcome> HandleActionAsync(ActionWork work, string text, int dequeueCount, CancellationToken cancellationToken)
    {
        var instance = await _engine.Store.GetAsync(work.InstanceId, cancellationToken);
        var check = CheckAction(instance, work);
        if (check is not null)
        {
            return await FinishAsync(work, text, dequeueCount, new WorkflowEngine.ApplyResult(check.Value, instance), cancellationToken);
        }

        if (instance!.Status == WorkflowStatus.Suspended)
        {
            return await FinishAsync(work, text, dequeueCount, new WorkflowEngine.ApplyResult(WorkflowEngine.ApplyStatus.Suspended, instance), cancellationToken);
        }

        var pending = instance.Actions.First(a => a.ActionId == work.ActionId);
        var eventId = $"action.{work.ActionId}.{work.Sequence}";
        WorkflowEvent outcome;
        string? attention = null;
        try
        {
            var handler = _actions.Find(pending.ActionName)
                ?? throw new InvalidOperationException($"no action handler named {pending.ActionName} is registered");
            var request = new ActionRequest(
                instance.InstanceId,
                instance.Workflow,
                pending.ActionId,
                $"{instance.InstanceId}|{pending.ActionId}",
                pending.Input,
                work.Attempt);
            var result = await handler.ExecuteAsync(request, cancellationToken);
            outcome = new ActionCompleted(work.ActionId, result) { EventId = eventId, At = _engine.Time.GetUtcNow(), Actor = Actors.System };
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.ActionAttemptFailed(exception, work.InstanceId, work.ActionId, work.Attempt, Options.MaxActionAttempts);
            if (work.Attempt < Options.MaxActionAttempts)
            {
                await _engine.SendAsync(work with { Attempt = work.Attempt + 1, OrphanChecks = 0 }, Options.ActionBackoff(work.Attempt), cancellationToken);
                return WorkOutcome.Retried;
            }

            _logger.ActionFailedForGood(work.InstanceId, work.ActionId, work.Attempt);
            attention = $"action {pending.ActionName} ({work.ActionId}) failed after {work.Attempt} attempts: {exception.Message}";
            await KeepAsync(text, dequeueCount, attention, cancellationToken);
            outcome = new ActionFailed(work.ActionId, exception.Message, work.Attempt) { EventId = eventId, At = _engine.Time.GetUtcNow(), Actor = Actors.System };
        }

        var applied = await _engine.ApplyAsync(
            work.InstanceId,
            outcome,
            queued: true,
            current => CheckAction(current, work),
            attention,
            cancellationToken);
        if (attention is not null && applied.Status != WorkflowEngine.ApplyStatus.Applied)
        {
            await _engine.MarkAttentionAsync(work.InstanceId, attention, cancellationToken);
        }

        return attention is not null ? WorkOutcome.Poisoned : await FinishAsync(work, text, dequeueCount, applied, cancellationToken);
    }

    private static WorkflowEngine.ApplyStatus? CheckAction(InstanceRecord? instance, ActionWork work) =>
        instance is null ? WorkflowEngine.ApplyStatus.NotFound
        : instance.Sequence < work.Sequence ? WorkflowEngine.ApplyStatus.Behind
        : instance.Status == WorkflowStatus.Terminated ? WorkflowEngine.ApplyStatus.NotRunning
        : instance.Actions.Any(a => a.ActionId == work.ActionId && a.Generation == work.Sequence) ? null
        : WorkflowEngine.ApplyStatus.Stale;

    private async Task<WorkOutcome> HandleDeliveryAsync(DeliveryWork delivery, string text, int dequeueCount, CancellationToken cancellationToken)
    {
        if (delivery.OriginInstanceId is { } originId)
        {
            var origin = await _engine.Store.GetHistoryEntryAsync(originId, delivery.Sequence, cancellationToken);
            if (origin is null)
            {
                var originInstance = await _engine.Store.GetAsync(originId, cancellationToken);
                var status = originInstance is not null && originInstance.Sequence >= delivery.Sequence
                    ? WorkflowEngine.ApplyStatus.Stale
                    : WorkflowEngine.ApplyStatus.Behind;
                return await FinishAsync(delivery, text, dequeueCount, new WorkflowEngine.ApplyResult(status, originInstance), cancellationToken);
            }

            if (origin.EventId != delivery.OriginEventId)
            {
                return await FinishAsync(delivery, text, dequeueCount, new WorkflowEngine.ApplyResult(WorkflowEngine.ApplyStatus.Stale, null), cancellationToken);
            }
        }

        var result = await _engine.ApplyAsync(delivery.InstanceId, delivery.Event, queued: true, guard: null, attentionReason: null, cancellationToken);
        return await FinishAsync(delivery, text, dequeueCount, result, cancellationToken);
    }

    private async Task<WorkOutcome> FinishAsync(WorkMessage message, string text, int dequeueCount, WorkflowEngine.ApplyResult result, CancellationToken cancellationToken)
    {
        var kind = KindOf(message);
        switch (result.Status)
        {
            case WorkflowEngine.ApplyStatus.Applied:
            case WorkflowEngine.ApplyStatus.Rejected:
                return WorkOutcome.Applied;
            case WorkflowEngine.ApplyStatus.Duplicate:
                return WorkOutcome.Duplicate;
            case WorkflowEngine.ApplyStatus.Behind when message.OrphanChecks < Options.MaxOrphanChecks:
                _logger.OrphanRecheck(kind, message.InstanceId, message.Sequence, message.OrphanChecks + 1);
                await _engine.SendAsync(message with { OrphanChecks = message.OrphanChecks + 1 }, Options.OrphanRecheckDelay, cancellationToken);
                return WorkOutcome.AwaitingCommit;
            case WorkflowEngine.ApplyStatus.Behind:
                _logger.OrphanDropped(kind, message.InstanceId, message.Sequence);
                return WorkOutcome.Dropped;
            case WorkflowEngine.ApplyStatus.Suspended:
                _logger.WorkDeferred(kind, message.InstanceId);
                await _engine.SendAsync(message, Options.SuspendedRecheckDelay, cancellationToken);
                return WorkOutcome.Deferred;
            case WorkflowEngine.ApplyStatus.VersionMissing:
                await KeepAsync(text, dequeueCount, result.Rejection?.Message ?? "workflow version missing", cancellationToken);
                return WorkOutcome.Poisoned;
            default:
                if (message is DeliveryWork delivery)
                {
                    _logger.EventNotApplied(message.InstanceId, delivery.Event.EventId, result.Status.ToString());
                }

                _logger.WorkDropped(kind, message.InstanceId, result.Status.ToString());
                return WorkOutcome.Dropped;
        }
    }

    /// <summary>Keeps a message for inspection in the poison queue, with why and when.</summary>
    private Task KeepAsync(string text, int dequeueCount, string reason, CancellationToken cancellationToken)
    {
        var kept = new PoisonEnvelope(reason, dequeueCount, _engine.Time.GetUtcNow(), text);
        return _poison.SendAsync(JsonSerializer.Serialize(kept, KimJson.Options), TimeSpan.Zero, cancellationToken);
    }

    private static string KindOf(WorkMessage message) => message switch
    {
        TimerWork => "timer",
        ActionWork => "action",
        _ => "delivery",
    };
}

/// <summary>A message kept in the poison queue: the original text, why it was set aside, and when.</summary>
public sealed record PoisonEnvelope(string Reason, int DequeueCount, DateTimeOffset At, string Message);
