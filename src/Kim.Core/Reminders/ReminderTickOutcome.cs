namespace Kim.Core.Reminders;

/// <summary>What one <see cref="ReminderTicker.TickAsync"/> did.</summary>
public enum ReminderTickOutcome
{
    /// <summary>The first tick ever: progress starts now, nothing earlier runs.</summary>
    Started,

    /// <summary>No occurrence is due since the last processed one.</summary>
    NothingDue,

    /// <summary>Another ticker holds a live claim on an occurrence (or took the one this tick wanted).</summary>
    RunningElsewhere,

    /// <summary>This tick ran the newest due occurrence.</summary>
    Ran,
}
