using Microsoft.Extensions.Logging;

namespace Kim.Core.Records;

/// <summary>Every log line of the records, with stable event ids (1100-1199).</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Timer {TimerId} of {InstanceId} fired, due {DueAt:o}, {LatenessMs} ms late")]
    public static partial void TimerFired(this ILogger logger, string instanceId, string timerId, DateTimeOffset dueAt, long latenessMs);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Error, Message = "Action {ActionId} of {InstanceId} failed for good after {Attempts} attempts")]
    public static partial void ActionFailedForGood(this ILogger logger, string instanceId, string actionId, int attempts);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Warning, Message = "{InstanceId} needs attention: {Reason}")]
    public static partial void NeedsAttention(this ILogger logger, string instanceId, string reason);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Debug, Message = "Commit of {InstanceId} lost a race (attempt {Attempt}): re-reading")]
    public static partial void CommitConflict(this ILogger logger, string instanceId, int attempt);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning, Message = "Observer failed after the commit of {InstanceId}")]
    public static partial void ObserverFailed(this ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(EventId = 1115, Level = LogLevel.Warning, Message = "Child {ChildId} of {InstanceId} already exists: not started again")]
    public static partial void ChildExists(this ILogger logger, string instanceId, string childId);

    [LoggerMessage(EventId = 1116, Level = LogLevel.Information, Message = "Event {EventId} for {InstanceId} not applied: {Outcome}")]
    public static partial void EventNotApplied(this ILogger logger, string instanceId, string eventId, string outcome);

    [LoggerMessage(EventId = 1117, Level = LogLevel.Warning, Message = "Index row {Key} of {InstanceId} could not be removed; readers re-check it")]
    public static partial void IndexCleanupFailed(this ILogger logger, Exception exception, string key, string instanceId);

    [LoggerMessage(EventId = 1118, Level = LogLevel.Warning, Message = "Queued event {EventId} for {InstanceId} was rejected ({Code}); recorded in history")]
    public static partial void QueuedEventRejected(this ILogger logger, string instanceId, string eventId, string code);

    /// <summary>The orchestrations could not be woken after a commit; the outbox's sweep wakes them later.</summary>
    [LoggerMessage(EventId = 1120, Level = LogLevel.Warning, Message = "Waking the orchestrations of {InstanceId} failed; the outbox sweep retries")]
    public static partial void WakeFailed(this ILogger logger, Exception exception, string instanceId);
}
