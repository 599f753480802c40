namespace Kim.Core.Cases;

/// <summary>The access log of cases (DOMAIN.md, "Audit"): append-only.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Every entry of a case, oldest first.</summary>
    IAsyncEnumerable<AuditEntry> ReadAsync(string caseId, CancellationToken cancellationToken);
}
