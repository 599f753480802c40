using Kim.Core.Mail;

namespace Kim.Core.Tests.Mail;

public sealed class MailDeliveryKeyTests
{
    private static readonly ReminderOccurrence Occurrence =
        ReminderSchedule.Parse(null).Next(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero))!.Value;

    [Fact]
    public void A_digest_key_is_recipient_and_occurrence_and_stable()
    {
        var key = MailDeliveryKey.ForDigest(new MailAddress("CM-Iserlohn@Example.org"), Occurrence);
        var again = MailDeliveryKey.ForDigest(new MailAddress("cm-iserlohn@example.org", "Someone"), Occurrence);

        Assert.Equal("digest|2026-11-02T06:00:00Z|cm-iserlohn@example.org", key.Value);
        Assert.Equal(key, again);
        Assert.Equal(MailKind.Digest, key.Kind);
    }

    [Fact]
    public void Different_occurrences_recipients_or_kinds_give_different_keys()
    {
        var to = new MailAddress("cm-iserlohn@example.org");
        var next = ReminderSchedule.Parse(null).Next(Occurrence.Instant)!.Value;

        string[] keys =
        [
            MailDeliveryKey.ForDigest(to, Occurrence).Value,
            MailDeliveryKey.ForDigest(to, next).Value,
            MailDeliveryKey.ForDigest(new MailAddress("cm-menden@example.org"), Occurrence).Value,
            MailDeliveryKey.ForDeadline(MailKind.DeadlineNotice, to, "c-1/h-1/hard-deadline").Value,
            MailDeliveryKey.ForDeadline(MailKind.PartnerReminder, to, "c-1/h-1/hard-deadline").Value,
        ];

        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void A_deadline_key_is_safe_as_a_table_row_key()
    {
        var key = MailDeliveryKey.ForDeadline(MailKind.DeadlineNotice, new MailAddress("a/b#c?d@example.org"), "case-1/handover-2/jobcentre\tapplication|due?#%");

        Assert.Equal("deadline|case-1%2Fhandover-2%2Fjobcentre%09application%7Cdue%3F%23%25|a%2Fb%23c%3Fd@example.org", key.Value);
        Assert.DoesNotContain(key.Value, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }

    [Fact]
    public void A_digest_cannot_be_keyed_by_a_deadline()
    {
        Assert.Throws<ArgumentException>(() => MailDeliveryKey.ForDeadline(MailKind.Digest, new MailAddress("a@example.org"), "x"));
    }
}
