namespace Kim.Core.Orchestrations;

/// <summary>Reports that a pending action failed on every attempt of its retry policy.</summary>
/// <param name="RecordId">The record's instance id.</param>
/// <param name="ActionId">The action's id.</param>
/// <param name="Generation">The generation read.</param>
/// <param name="Error">The last attempt's error message (no client data: handlers throw with ids only).</param>
/// <param name="Attempts">How many attempts were made.</param>
public sealed record ActionFailure(string RecordId, string ActionId, long Generation, string Error, int Attempts);
