namespace Kim.Core.Mail;

/// <summary>
/// Which side of the unavoidable gap a kind of mail accepts. SendGrid has no idempotency key, so
/// between "SendGrid accepted" and "the ledger recorded it" a crash either loses a mail (the claim
/// was taken, the mail never left) or repeats it (the mail left, the record is missing).
/// <list type="bullet">
/// <item><b>At most once</b> (digests): a claim is never taken over. A crash after the claim loses
/// that digest; its items are still due or overdue and appear again in the next digest.</item>
/// <item><b>At least once</b> (deadline notices, partner reminders, referral announcements): a
/// claim older than <see cref="ClaimTakeOverAfter"/> is taken over and the mail is sent again. A
/// lost deadline notice can leave a family without income; a repeated one costs a glance.</item>
/// </list>
/// docs/mail.md explains the choice.
/// </summary>
public sealed record MailDeliveryPolicy(MailKind Kind, TimeSpan? ClaimTakeOverAfter)
{
    /// <summary>How long an at-least-once claim protects a send in progress before another run takes over.</summary>
    public static readonly TimeSpan DefaultTakeOver = TimeSpan.FromMinutes(15);

    public bool AtMostOnce => ClaimTakeOverAfter is null;

    public static MailDeliveryPolicy For(MailKind kind) => kind switch
    {
        MailKind.Digest => new(kind, null),
        MailKind.DeadlineNotice or MailKind.PartnerReminder or MailKind.ReferralAnnouncement => new(kind, DefaultTakeOver),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown mail kind."),
    };
}
