namespace Kim.Core.Reports;

/// <summary>One integration barrier of a case, as the statistics keep it (the description stays with the case).</summary>
/// <param name="Category">The barrier category (<c>waiting-time</c> …).</param>
/// <param name="Agency">The office where it arose, as recorded, trimmed and with single spaces (see docs/reports.md on how rare names are pooled).</param>
/// <param name="RecordedMonth">The month it was recorded (Europe/Berlin).</param>
public sealed record BarrierFigure(string Category, string Agency, DateOnly RecordedMonth);
