using System.Globalization;
using System.Text;
using Kim.Core.Storage;

namespace Kim.Core.Mail;

/// <summary>
/// Names one delivery: a kind, what it is about (a schedule occurrence or a deadline) and the
/// recipient. Equal inputs give an equal <see cref="Value"/> across runs and machines, so the
/// ledger can tell a repeat. <see cref="Value"/> is safe as a Table Storage row key (no
/// <c>/ \ # ?</c> or control characters) and readable in the storage explorer.
/// </summary>
public sealed record MailDeliveryKey
{
    private MailDeliveryKey(MailKind kind, string subjectId, string recipient)
    {
        Kind = kind;
        Value = string.Join('|', KindName(kind), Escape(subjectId), Escape(recipient));
        LedgerPartition = KindName(kind) + "|" + Escape(recipient);
    }

    public MailKind Kind { get; }

    public string Value { get; }

    /// <summary><c>{kind}|{recipient}</c>: the ledger's partition, so one recipient's mails of a kind sit together.</summary>
    internal string LedgerPartition { get; }

    /// <summary>One digest per recipient per schedule occurrence.</summary>
    public static MailDeliveryKey ForDigest(MailAddress recipient, ReminderOccurrence occurrence) =>
        Create(MailKind.Digest, occurrence.Id, recipient);

    /// <summary>
    /// One notice per recipient per deadline. <paramref name="deadlineId"/> is stable for the
    /// deadline and the kind of notice, e.g. <c>case-1/handover-2/jobcentre-application/due-soon</c>.
    /// </summary>
    public static MailDeliveryKey ForDeadline(MailKind kind, MailAddress recipient, string deadlineId)
    {
        if (kind == MailKind.Digest)
        {
            throw new ArgumentException("A digest is keyed by its schedule occurrence: use ForDigest.", nameof(kind));
        }

        return Create(kind, deadlineId, recipient);
    }

    public override string ToString() => Value;

    /// <summary>The kinds whose subject is a case's deadline (every kind but the digest), for <see cref="IMailLedger.ForgetCaseAsync"/>.</summary>
    internal static IReadOnlyList<MailKind> DeadlineKinds { get; } = [MailKind.DeadlineNotice, MailKind.PartnerReminder, MailKind.ReferralAnnouncement];

    /// <summary>
    /// <c>{kind}|{caseId}</c>: every <see cref="Value"/> of a deadline of the case or of one of its
    /// instances (<c>{caseId}:r-1</c> …) starts with it; <see cref="IsAboutCase"/> tells them from a longer case id.
    /// </summary>
    internal static string CasePrefix(MailKind kind, string caseId) => KindName(kind) + "|" + Escape(caseId);

    /// <summary>
    /// True when the key <paramref name="value"/> names a deadline of <paramref name="caseId"/> or of an
    /// instance of it: deadline ids start with the instance id, then <c>/</c> (escaped) or <c>:</c> for a child.
    /// </summary>
    internal static bool IsAboutCase(string value, string caseId)
    {
        ArgumentNullException.ThrowIfNull(value);
        return DeadlineKinds.Select(kind => CasePrefix(kind, caseId)).Any(prefix => value.StartsWith(prefix, StringComparison.Ordinal)
            && value[prefix.Length..] is var rest
            && (rest.StartsWith("%2F", StringComparison.Ordinal) || rest.StartsWith(':') || rest.StartsWith('|')));
    }

    private static MailDeliveryKey Create(MailKind kind, string subjectId, MailAddress recipient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        ArgumentNullException.ThrowIfNull(recipient);
        return new MailDeliveryKey(kind, subjectId.Trim(), recipient.Email.ToLowerInvariant());
    }

    private static string KindName(MailKind kind) => kind switch
    {
        MailKind.Digest => "digest",
        MailKind.DeadlineNotice => "deadline",
        MailKind.PartnerReminder => "partner-reminder",
        MailKind.ReferralAnnouncement => "referral-announcement",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown mail kind."),
    };

    /// <summary>Percent-encodes what a row key forbids, plus '%' and the separator '|'.</summary>
    private static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (TableKeys.IsForbidden(c) || c is '%' or '|')
            {
                text.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
