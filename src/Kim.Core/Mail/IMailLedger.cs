namespace Kim.Core.Mail;

/// <summary>
/// Remembers which mails were sent, by <see cref="MailDeliveryKey"/>, so that a job that runs twice
/// or crashes half-way sends each mail once. A claim marks a send in progress; only
/// <see cref="MailDispatcher"/> should drive it, in the order <see cref="MailDeliveryPolicy"/> sets
/// (docs/mail.md). Implementations make <see cref="TryClaimAsync"/> atomic (Table Storage: insert,
/// or replace with the row's ETag when taking a stale claim over).
/// </summary>
public interface IMailLedger
{
    /// <summary>
    /// "Already sent?" and "claim it" in one atomic step. A claim older than
    /// <paramref name="takeOverAfter"/> is taken over; with null, a claim is never taken over.
    /// </summary>
    Task<MailClaimResult> TryClaimAsync(MailDeliveryKey key, DateTimeOffset now, TimeSpan? takeOverAfter, CancellationToken cancellationToken);

    /// <summary>Records that SendGrid (or the development mailbox) accepted the mail.</summary>
    Task RecordSentAsync(MailDeliveryKey key, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>Gives a claim up after a send that certainly did not go out, so a later run may try again.</summary>
    Task ReleaseAsync(MailDeliveryKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every delivery about the case <paramref name="caseId"/> or one of its referrals and
    /// handovers (retention and Art. 17 deletion: the keys name the case). Digests name no case and stay.
    /// Returns the number of rows deleted; deleting again finds none.
    /// </summary>
    Task<int> ForgetCaseAsync(string caseId, CancellationToken cancellationToken);
}
