namespace Kim.Core.Orchestrations;

/// <summary>A timer a record holds.</summary>
/// <param name="TimerId">As the workflow names it (<c>first-contact</c>, <c>followup:f-1</c> …).</param>
/// <param name="Generation">The record sequence that set it; a moved timer has a new one.</param>
/// <param name="DueAt">When it is due (UTC instant).</param>
/// <param name="Wait">How long until due by the app's clock when read; zero or less when due.</param>
public sealed record ClockTimer(string TimerId, long Generation, DateTimeOffset DueAt, TimeSpan Wait);
