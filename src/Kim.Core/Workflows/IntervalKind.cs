namespace Kim.Core.Workflows;

public enum IntervalKind
{
    /// <summary>Elapsed days and time, added on the local wall clock.</summary>
    Duration,

    /// <summary>Calendar months (a year is twelve).</summary>
    Months,

    /// <summary>Working days of the <see cref="WorkingCalendar"/>; the deadline falls at the end of the last one.</summary>
    WorkingDays,
}
