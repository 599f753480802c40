namespace Kim.Core.Cases;

/// <summary>
/// The access log of cases (DOMAIN.md, "Audit"): append-only and tamper-evident, one hash chain per
/// case (<see cref="AuditChain"/>), with an index by district and day for queries by person and period.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends the entry to its chain; a retry after an unclear failure does not append it twice.</summary>
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Every entry of a case, in the order they were appended.</summary>
    IAsyncEnumerable<AuditEntry> ReadAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>A page of entries of the query, oldest first, and the token of the next page (null on the last).</summary>
    /// <exception cref="ArgumentException">The continuation token is not one this log gave out.</exception>
    Task<(IReadOnlyList<AuditRecord> Records, string? ContinuationToken)> QueryAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Verifies the chain of one case, or every chain of the district when <paramref name="caseId"/> is null.</summary>
    Task<AuditVerification> VerifyAsync(string district, string? caseId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the chain of a case that is being deleted, with its index copies (retention and
    /// Art. 17: the entries name the case). The chain goes whole, so no verification reports a
    /// gap; that a case was deleted is recorded by the caller in the district's chain, without
    /// the case id. Returns the number of entries deleted; deleting again finds none.
    /// </summary>
    Task<int> ForgetCaseAsync(string caseId, CancellationToken cancellationToken);
}
