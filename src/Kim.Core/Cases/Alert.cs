namespace Kim.Core.Cases;

/// <summary>A warning a timer raised, kept in the instance's state until the condition is resolved.</summary>
/// <param name="Reference">What it is about, by id only: a follow-up id, a handover step, an expiry date.</param>
public sealed record Alert(AlertKind Kind, DateTimeOffset DueAt, DateTimeOffset RaisedAt, string? Reference = null, DateTimeOffset? ResolvedAt = null);
