namespace Kim.Core.Runtime;

/// <summary>Settings of the runtime; the defaults suit production, tests shorten the times.</summary>
public sealed class WorkflowRuntimeOptions
{
    /// <summary>The longest a timer message stays hidden before it re-arms itself (at most the queue's 7 days).</summary>
    public TimeSpan LongestTimerHop { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Attempts of an action before it fails for good (ActionFailed, needs attention).</summary>
    public int MaxActionAttempts { get; set; } = 5;

    /// <summary>Delay before the second attempt of an action; doubles per attempt up to <see cref="ActionRetryMaxDelay"/>.</summary>
    public TimeSpan ActionRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan ActionRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Receives of one message (crashes, exceptions) before it is poison: kept, flagged, acknowledged.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a message waits for the commit it was sent before.</summary>
    public TimeSpan OrphanRecheckDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Re-checks before such a message is dropped as orphaned (its commit never landed).</summary>
    public int MaxOrphanChecks { get; set; } = 12;

    /// <summary>How long work for a suspended instance waits before it is looked at again.</summary>
    public TimeSpan SuspendedRecheckDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Re-reads after an ETag conflict before giving up (the message is then retried).</summary>
    public int MaxConflictRetries { get; set; } = 100;

    /// <summary>How long a message whose processing threw stays hidden; doubles per receive up to 5 minutes.</summary>
    public TimeSpan FailedMessageRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a received message stays hidden while it is processed.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Messages received at once by the standalone driver.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Messages processed at once by the standalone driver.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>First idle back-off of the standalone driver; doubles up to <see cref="MaxIdleDelay"/>.</summary>
    public TimeSpan MinIdleDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxIdleDelay { get; set; } = TimeSpan.FromSeconds(10);

    internal TimeSpan ActionBackoff(int failedAttempt)
    {
        var ticks = ActionRetryDelay.Ticks * Math.Pow(2, Math.Min(failedAttempt - 1, 30));
        return ticks >= ActionRetryMaxDelay.Ticks ? ActionRetryMaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    internal TimeSpan AbandonBackoff(int dequeueCount)
    {
        var seconds = Math.Min(FailedMessageRetryDelay.TotalSeconds * Math.Pow(2, Math.Max(dequeueCount - 1, 0)), 300);
        return TimeSpan.FromSeconds(seconds);
    }
}
