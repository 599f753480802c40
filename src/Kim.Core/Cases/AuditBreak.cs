namespace Kim.Core.Cases;

/// <summary>The first link of a chain that does not hold: the sequence where it breaks and why.</summary>
public sealed record AuditBreak(string ChainId, long Sequence, string Reason);
