namespace Kim.Core.Mail;

/// <summary>
/// The kinds of mail Kim sends. Each kind has its own answer to "lost or repeated?" when a crash
/// falls between SendGrid's acceptance and the ledger's record (<see cref="MailDeliveryPolicy"/>).
/// </summary>
public enum MailKind
{
    /// <summary>The daily digest of a case manager: at most once per schedule occurrence.</summary>
    Digest,

    /// <summary>A handover step due soon or a missed hard deadline: at least once per deadline.</summary>
    DeadlineNotice,

    /// <summary>A reminder to a partner about an overdue referral answer: at least once.</summary>
    PartnerReminder,

    /// <summary>A new referral announced to its partner: at least once.</summary>
    ReferralAnnouncement,
}
