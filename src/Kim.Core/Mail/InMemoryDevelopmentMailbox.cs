namespace Kim.Core.Mail;

/// <summary>An <see cref="IDevelopmentMailbox"/> in memory, for tests.</summary>
public sealed class InMemoryDevelopmentMailbox : IDevelopmentMailbox
{
    private readonly Lock _gate = new();
    private readonly List<MailboxEntry> _entries = [];

    public Task AddAsync(MailboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            _entries.Add(entry);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MailboxEntry>> ListAsync(int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        lock (_gate)
        {
            // Newest first; among equal times the one added later first.
            IReadOnlyList<MailboxEntry> list = [.. _entries.Select((e, i) => (e, i))
                .OrderByDescending(x => x.e.SentAt).ThenByDescending(x => x.i).Take(maxCount).Select(x => x.e)];
            return Task.FromResult(list);
        }
    }
}
