using Kim.Core.Cases;

namespace Kim.Api.Administration;

/// <summary>An audit entry as <c>GET /api/admin/audit</c> lists it, with its place and hash in its chain.</summary>
/// <param name="ChainId">The case id, or <c>district|{district}</c> for accesses to no case.</param>
public sealed record AuditEntryResponse(
    string ChainId, long Sequence, string? CaseId, DateTimeOffset At, string Actor, string Action, string Target, string Route, string Hash)
{
    public static AuditEntryResponse Of(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = record.Entry;
        return new(record.ChainId, record.Sequence, entry.CaseId, entry.At, entry.Actor, entry.Action, entry.Target, entry.Route, record.Hash);
    }
}
