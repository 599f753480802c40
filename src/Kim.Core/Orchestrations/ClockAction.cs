namespace Kim.Core.Orchestrations;

/// <summary>A pending action a record holds (a notice to send, a purge to run).</summary>
/// <param name="ActionId">Stable per request; with the record id it is the idempotency key.</param>
/// <param name="Generation">The record sequence that asked for it.</param>
public sealed record ClockAction(string ActionId, long Generation);
