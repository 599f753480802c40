using Microsoft.Extensions.Logging;

namespace Kim.Core.Runtime;

/// <summary>Every log line of the runtime, with stable event ids (1100-1199).</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Timer {TimerId} of {InstanceId} fired, due {DueAt:o}, {LatenessMs} ms late")]
    public static partial void TimerFired(this ILogger logger, string instanceId, string timerId, DateTimeOffset dueAt, long latenessMs);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Timer {TimerId} of {InstanceId} is due {DueAt:o}: re-armed for {Delay}")]
    public static partial void TimerRearmed(this ILogger logger, string instanceId, string timerId, DateTimeOffset dueAt, TimeSpan delay);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Dropped {Kind} work for {InstanceId}: {Reason}")]
    public static partial void WorkDropped(this ILogger logger, string kind, string instanceId, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "{Kind} work for {InstanceId} waits for sequence {Sequence} (check {Checks})")]
    public static partial void OrphanRecheck(this ILogger logger, string kind, string instanceId, long sequence, int checks);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "{Kind} work for {InstanceId} dropped as orphaned: sequence {Sequence} was never committed")]
    public static partial void OrphanDropped(this ILogger logger, string kind, string instanceId, long sequence);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Action {ActionId} of {InstanceId} failed on attempt {Attempt} of {MaxAttempts}")]
    public static partial void ActionAttemptFailed(this ILogger logger, Exception exception, string instanceId, string actionId, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Error, Message = "Action {ActionId} of {InstanceId} failed for good after {Attempts} attempts")]
    public static partial void ActionFailedForGood(this ILogger logger, string instanceId, string actionId, int attempts);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Error, Message = "Poison message {MessageId} for {InstanceId} after {DequeueCount} receives: kept in the poison queue")]
    public static partial void PoisonMessage(this ILogger logger, string messageId, string instanceId, int dequeueCount);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Warning, Message = "{InstanceId} needs attention: {Reason}")]
    public static partial void NeedsAttention(this ILogger logger, string instanceId, string reason);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Debug, Message = "Commit of {InstanceId} lost a race (attempt {Attempt}): re-reading")]
    public static partial void CommitConflict(this ILogger logger, string instanceId, int attempt);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Debug, Message = "{Kind} work for suspended {InstanceId} deferred")]
    public static partial void WorkDeferred(this ILogger logger, string kind, string instanceId);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning, Message = "Observer failed after the commit of {InstanceId}")]
    public static partial void ObserverFailed(this ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Warning, Message = "Work message {MessageId} failed (receive {DequeueCount}); it will be retried")]
    public static partial void WorkFailed(this ILogger logger, Exception exception, string messageId, int dequeueCount);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Information, Message = "Work dispatcher started")]
    public static partial void DispatcherStarted(this ILogger logger);

    [LoggerMessage(EventId = 1114, Level = LogLevel.Information, Message = "Work dispatcher stopped after draining {InFlight} messages in flight")]
    public static partial void DispatcherStopped(this ILogger logger, int inFlight);

    [LoggerMessage(EventId = 1115, Level = LogLevel.Warning, Message = "Child {ChildId} of {InstanceId} already exists: not started again")]
    public static partial void ChildExists(this ILogger logger, string instanceId, string childId);

    [LoggerMessage(EventId = 1116, Level = LogLevel.Information, Message = "Event {EventId} for {InstanceId} not applied: {Outcome}")]
    public static partial void EventNotApplied(this ILogger logger, string instanceId, string eventId, string outcome);

    [LoggerMessage(EventId = 1117, Level = LogLevel.Warning, Message = "Index row {Key} of {InstanceId} could not be removed; readers re-check it")]
    public static partial void IndexCleanupFailed(this ILogger logger, Exception exception, string key, string instanceId);

    [LoggerMessage(EventId = 1118, Level = LogLevel.Warning, Message = "Queued event {EventId} for {InstanceId} was rejected ({Code}); recorded in history")]
    public static partial void QueuedEventRejected(this ILogger logger, string instanceId, string eventId, string code);

    [LoggerMessage(EventId = 1119, Level = LogLevel.Error, Message = "Work dispatcher failed to receive; backing off")]
    public static partial void ReceiveFailed(this ILogger logger, Exception exception);
}
