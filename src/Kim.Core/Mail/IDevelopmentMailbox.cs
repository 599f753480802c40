namespace Kim.Core.Mail;

/// <summary>
/// Where mail goes in Development when no SendGrid API key is set, so that people can read what
/// Kim would have sent (<c>GET /api/dev/mailbox</c>). The Table Storage adapter implements this on
/// Azurite; <see cref="InMemoryDevelopmentMailbox"/> serves tests.
/// </summary>
public interface IDevelopmentMailbox
{
    Task AddAsync(MailboxEntry entry, CancellationToken cancellationToken);

    /// <summary>At most <paramref name="maxCount"/> entries, newest first.</summary>
    Task<IReadOnlyList<MailboxEntry>> ListAsync(int maxCount, CancellationToken cancellationToken);
}
