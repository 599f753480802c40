namespace Kim.Core.Orchestrations;

/// <summary>Asks to flag a record as needing attention because one of its orchestrations failed.</summary>
/// <param name="RecordId">The record's instance id.</param>
/// <param name="Reason">Which orchestration failed and why (ids only, no client data).</param>
public sealed record AttentionNote(string RecordId, string Reason);
