using Microsoft.Extensions.Logging;

namespace Kim.Core.Reminders;

/// <summary>Every log line of the reminder schedule runner, with stable event ids (4100–4119).</summary>
internal static partial class ReminderLogs
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Reminder schedule '{Expression}' starts now ({Now}); earlier occurrences do not run.")]
    public static partial void Started(ILogger logger, string expression, DateTimeOffset now);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Skipping {Count} missed reminder occurrences from {First} to {Last}: only the newest, {Newest}, runs.")]
    public static partial void Skipped(ILogger logger, int count, string first, string last, string newest);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Reminder occurrence {Occurrence} starts.")]
    public static partial void Running(ILogger logger, string occurrence);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Reminder occurrence {Occurrence} done.")]
    public static partial void Ran(ILogger logger, string occurrence);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "Reminder occurrence {Occurrence} failed; it runs again on the next tick.")]
    public static partial void Failed(ILogger logger, string occurrence, Exception exception);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Reminder occurrence {Occurrence} ran longer than the claim lasts and was taken over by another ticker.")]
    public static partial void TakenOver(ILogger logger, string occurrence);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Debug, Message = "Reminder tick: {Outcome}.")]
    public static partial void Ticked(ILogger logger, ReminderTickOutcome outcome);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Reminder occurrence {Occurrence} (local {Local}): no reminder job yet, nothing sent.")]
    public static partial void PlaceholderJobRan(ILogger logger, string occurrence, DateTimeOffset local);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Debug, Message = "Due index: case {CaseId} at sequence {Sequence} has {Rows} due rows ({Written} written, {Deleted} deleted).")]
    public static partial void DueIndexProjected(ILogger logger, string caseId, long sequence, int rows, int written, int deleted);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "Due index: case {CaseId} at sequence {Sequence} not projected after {Attempts} conflicting attempts; the digest job and the next change repair it.")]
    public static partial void DueIndexGaveUp(ILogger logger, string caseId, long sequence, int attempts);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Debug, Message = "Due index: stale row {RowKey} deleted.")]
    public static partial void DueIndexStaleRowDeleted(ILogger logger, string rowKey);
}
