using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Kim.Core.Cases;

/// <summary>
/// The tamper evidence of the audit trail: every entry carries the hash of the one before it in its
/// chain, and its own hash covers its fields and that link. Changing an entry changes its hash (its
/// successor's link no longer fits); deleting one leaves a gap in the sequence; reordering breaks
/// sequence and links; cutting off the newest entries no longer matches the chain's head.
/// <para>
/// There is one chain per case (and one per district for accesses to no case, such as reading the
/// audit itself), not one per day. Per case, because (1) the case's partition is where its entries
/// live anyway, so an append is one entity-group transaction of the entry and the chain's head;
/// (2) writers contend only when they touch the same case at the same moment, whereas a chain per
/// day would serialise every case read of the district on one head row; (3) deleting a case at the
/// end of its retention (or on request, Art. 17 GDPR) removes its chain whole and leaves every
/// other chain verifiable, where a day chain would break at every deleted entry. The cost: a chain
/// deleted whole, head included, leaves no trace in the other chains; anchoring the heads outside
/// the account (e.g. a daily digest to immutable storage) would close that and is not built yet.
/// </para>
/// </summary>
public static class AuditChain
{
    /// <summary>The link of a chain's first entry: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The chain id prefix of a district's own chain (<c>district|mk</c>).</summary>
    public const string DistrictChainPrefix = "district|";

    /// <summary>
    /// SHA-256, lowercase hex, of the UTF-8 JSON array of a version tag, the chain, the sequence, the
    /// entry's fields (the instant as UTC ticks), the entry id and the previous hash: a JSON array
    /// makes the encoding unambiguous whatever the fields contain.
    /// </summary>
    public static string HashOf(string chainId, long sequence, AuditEntry entry, string entryId, string previous)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var fields = new[]
        {
            "kim-audit-v1", chainId, sequence.ToString(CultureInfo.InvariantCulture), entry.CaseId ?? "",
            entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture), entry.Actor, entry.Action, entry.Target,
            entry.District, entry.Route, entryId, previous,
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields))));
    }

    /// <summary>The record that follows <paramref name="head"/> (null: the chain is empty).</summary>
    public static AuditRecord Next(AuditHead? head, AuditEntry entry, string entryId)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var sequence = (head?.Sequence ?? 0) + 1;
        var previous = head?.Hash ?? Genesis;
        return new AuditRecord(entry.ChainId, sequence, entry, entryId, previous, HashOf(entry.ChainId, sequence, entry, entryId, previous));
    }

    /// <summary>
    /// Walks a chain's records in stored order and returns the first broken link, or null when every
    /// link holds and the last record is the head's.
    /// </summary>
    public static AuditBreak? Verify(string chainId, IEnumerable<AuditRecord> records, AuditHead? head)
    {
        ArgumentNullException.ThrowIfNull(records);
        long expected = 1;
        var previous = Genesis;
        foreach (var record in records)
        {
            if (record.Sequence != expected)
            {
                return new AuditBreak(chainId, expected, $"entry {expected} is missing or out of order (found {record.Sequence})");
            }

            if (record.Previous != previous)
            {
                return new AuditBreak(chainId, expected, "the link to the previous entry does not match its hash");
            }

            if (HashOf(chainId, record.Sequence, record.Entry, record.EntryId, record.Previous) != record.Hash)
            {
                return new AuditBreak(chainId, expected, "the entry was changed after it was written");
            }

            previous = record.Hash;
            expected++;
        }

        var last = expected - 1;
        if ((head?.Sequence ?? 0) != last || (head?.Hash ?? Genesis) != previous)
        {
            return new AuditBreak(chainId, last + 1, $"the chain's head names entry {head?.Sequence ?? 0}, the chain ends at {last}");
        }

        return null;
    }
}
