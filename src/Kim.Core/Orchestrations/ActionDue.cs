namespace Kim.Core.Orchestrations;

/// <summary>Asks to run a record's pending action.</summary>
/// <param name="RecordId">The record's instance id.</param>
/// <param name="ActionId">The action's id.</param>
/// <param name="Generation">The generation read; an action asked for again is not run for an old request.</param>
public sealed record ActionDue(string RecordId, string ActionId, long Generation);
