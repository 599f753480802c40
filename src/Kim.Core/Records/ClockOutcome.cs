namespace Kim.Core.Records;

/// <summary>What became of a timer or pending action that an orchestration came to act on.</summary>
public enum ClockOutcome
{
    /// <summary>Applied now, or already applied before (a repeated activity).</summary>
    Done,

    /// <summary>The record no longer holds it (moved, cancelled, done): nothing happened.</summary>
    Stale,

    /// <summary>The timer is not due yet by the app's clock (a durable timer may fire up to 1 s early): wait the rest.</summary>
    NotDue,

    /// <summary>The record is gone (purged).</summary>
    Gone,
}
