namespace Kim.Core.Cases;

/// <summary>An <see cref="AuditEntry"/> as its chain holds it (<see cref="AuditChain"/>).</summary>
/// <param name="Sequence">Its place in the chain, from 1 without gaps.</param>
/// <param name="EntryId">A random id given once per append, so that a retried append is recognised instead of written twice.</param>
/// <param name="Previous">The <see cref="Hash"/> of the entry before it, or <see cref="AuditChain.Genesis"/> for the first.</param>
/// <param name="Hash">SHA-256 of the entry's fields and <see cref="Previous"/>, lowercase hex (<see cref="AuditChain.HashOf"/>).</param>
public sealed record AuditRecord(string ChainId, long Sequence, AuditEntry Entry, string EntryId, string Previous, string Hash);
