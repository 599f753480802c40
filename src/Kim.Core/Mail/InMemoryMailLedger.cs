namespace Kim.Core.Mail;

/// <summary>An <see cref="IMailLedger"/> in memory, for tests and as the reference for the Table Storage ledger.</summary>
public sealed class InMemoryMailLedger : IMailLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Task<MailClaimResult> TryClaimAsync(MailDeliveryKey key, DateTimeOffset now, TimeSpan? takeOverAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_entries.TryGetValue(key.Value, out var entry))
            {
                if (entry.SentAt is not null)
                {
                    return Task.FromResult(MailClaimResult.AlreadySent);
                }

                if (takeOverAfter is null || now - entry.ClaimedAt < takeOverAfter.Value)
                {
                    return Task.FromResult(MailClaimResult.ClaimedElsewhere);
                }
            }

            _entries[key.Value] = new Entry(now, null);
            return Task.FromResult(MailClaimResult.Claimed);
        }
    }

    public Task RecordSentAsync(MailDeliveryKey key, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            var claimedAt = _entries.TryGetValue(key.Value, out var entry) ? entry.ClaimedAt : sentAt;
            _entries[key.Value] = new Entry(claimedAt, sentAt);
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(MailDeliveryKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_entries.TryGetValue(key.Value, out var entry) && entry.SentAt is null)
            {
                _entries.Remove(key.Value);
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> ForgetCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var doomed = _entries.Keys.Where(k => MailDeliveryKey.IsAboutCase(k, caseId)).ToList();
            doomed.ForEach(k => _entries.Remove(k));
            return Task.FromResult(doomed.Count);
        }
    }

    /// <summary>When the mail was recorded as sent; null when not (yet).</summary>
    public DateTimeOffset? SentAt(MailDeliveryKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            return _entries.TryGetValue(key.Value, out var entry) ? entry.SentAt : null;
        }
    }

    private sealed record Entry(DateTimeOffset ClaimedAt, DateTimeOffset? SentAt);
}
