namespace Kim.Core.Cases;

/// <summary>The head of an audit chain: its last entry's sequence, hash and entry id.</summary>
public sealed record AuditHead(long Sequence, string Hash, string EntryId);
