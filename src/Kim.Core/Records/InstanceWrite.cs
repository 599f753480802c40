namespace Kim.Core.Records;

/// <summary>
/// One record instance as a commit writes it: its new row (with the ETag it was read with, or none
/// for a new instance), the history rows of every step applied to it in this commit (oldest first,
/// one dedup marker each) and its encoded body, and the texts it keeps in rows of their own.
/// </summary>
/// <param name="Instance">The instance after the commit; <see cref="InstanceRecord.ETag"/> is the one it was read with.</param>
/// <param name="History">At least one entry; sequences ascending and gap-free.</param>
/// <param name="Body">The encoded body (<see cref="InstanceBody.Encode"/>); null only in tests that write scalars.</param>
public sealed record InstanceWrite(InstanceRecord Instance, IReadOnlyList<HistoryEntry> History, byte[]? Body = null)
{
    /// <summary>Texts the commit keeps beside the record (<see cref="KeepText"/>), one row each.</summary>
    public IReadOnlyList<KeptText> Texts { get; init; } = [];
}
