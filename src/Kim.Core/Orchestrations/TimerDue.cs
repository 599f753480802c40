namespace Kim.Core.Orchestrations;

/// <summary>Asks to fire a record's timer.</summary>
/// <param name="RecordId">The record's instance id.</param>
/// <param name="TimerId">The timer's id.</param>
/// <param name="Generation">The generation read; a moved timer is not fired.</param>
/// <param name="DueAt">The due time read (UTC).</param>
public sealed record TimerDue(string RecordId, string TimerId, long Generation, DateTimeOffset DueAt);
