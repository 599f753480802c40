using Kim.Core.Mail;
using Kim.Testing;

namespace Kim.Core.Tests.Mail;

public sealed class MailDispatcherTests
{
    private static readonly MailAddress To = new("cm-menden@example.org");
    private static readonly MailMessage Mail = new(To, "Betreff", "Text", "<p>Text</p>");
    private static readonly MailDeliveryKey DigestKey = MailDeliveryKey.ForDigest(To,
        new ReminderOccurrence(new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 7, 0, 0, TimeSpan.FromHours(1))));
    private static readonly MailDeliveryKey NoticeKey = MailDeliveryKey.ForDeadline(MailKind.DeadlineNotice, To, "c-1/h-1/hard-deadline");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero));
    private readonly InMemoryMailLedger _ledger = new();
    private readonly ScriptedSender _sender = new();

    private MailDispatcher Dispatcher() => new(_sender, _ledger, _clock);

    [Fact]
    public async Task A_mail_is_sent_and_recorded_and_a_second_run_sends_nothing()
    {
        Assert.Equal(MailDeliveryOutcome.Sent, await Dispatcher().SendOnceAsync(DigestKey, Mail, CancellationToken.None));
        Assert.Equal(MailDeliveryOutcome.AlreadySent, await Dispatcher().SendOnceAsync(DigestKey, Mail, CancellationToken.None));
        Assert.Equal(MailDeliveryOutcome.Sent, await Dispatcher().SendOnceAsync(NoticeKey, Mail, CancellationToken.None));
        Assert.Equal(MailDeliveryOutcome.AlreadySent, await Dispatcher().SendOnceAsync(NoticeKey, Mail, CancellationToken.None));

        Assert.Equal(2, _sender.Sent.Count);
        Assert.Equal(_clock.GetUtcNow(), _ledger.SentAt(DigestKey));
    }

    [Fact]
    public async Task A_digest_whose_run_crashed_after_claiming_is_never_sent_again()
    {
        // The crashed run: claimed, then died before SendGrid answered or before the record.
        Assert.Equal(MailClaimResult.Claimed, await _ledger.TryClaimAsync(DigestKey, _clock.GetUtcNow(), null, CancellationToken.None));
        _clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(MailDeliveryOutcome.ClaimedElsewhere, await Dispatcher().SendOnceAsync(DigestKey, Mail, CancellationToken.None));
        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public async Task A_deadline_notice_whose_run_crashed_is_sent_again_once_the_claim_is_stale()
    {
        Assert.Equal(MailClaimResult.Claimed, await _ledger.TryClaimAsync(NoticeKey, _clock.GetUtcNow(), MailDeliveryPolicy.DefaultTakeOver, CancellationToken.None));

        Assert.Equal(MailDeliveryOutcome.ClaimedElsewhere, await Dispatcher().SendOnceAsync(NoticeKey, Mail, CancellationToken.None));
        _clock.Advance(MailDeliveryPolicy.DefaultTakeOver);
        Assert.Equal(MailDeliveryOutcome.Sent, await Dispatcher().SendOnceAsync(NoticeKey, Mail, CancellationToken.None));

        Assert.Single(_sender.Sent);
    }

    [Fact]
    public async Task A_rejected_mail_gives_its_claim_back_so_a_later_run_retries()
    {
        _sender.Next = new MailSendFailedException(400, "SendGrid: bad");

        await Assert.ThrowsAsync<MailSendFailedException>(() => Dispatcher().SendOnceAsync(DigestKey, Mail, CancellationToken.None));
        Assert.Equal(MailDeliveryOutcome.Sent, await Dispatcher().SendOnceAsync(DigestKey, Mail, CancellationToken.None));
    }

    [Fact]
    public async Task A_digest_keeps_its_claim_when_SendGrid_may_have_accepted_it_but_a_notice_does_not()
    {
        _sender.Next = new MailSendFailedException(503, "unavailable");
        await Assert.ThrowsAsync<MailSendFailedException>(() => Dispatcher().SendOnceAsync(DigestKey, Mail, CancellationToken.None));
        _sender.Next = new TimeoutException();
        await Assert.ThrowsAsync<TimeoutException>(() => Dispatcher().SendOnceAsync(NoticeKey, Mail, CancellationToken.None));

        Assert.Equal(MailDeliveryOutcome.ClaimedElsewhere, await Dispatcher().SendOnceAsync(DigestKey, Mail, CancellationToken.None));
        Assert.Equal(MailDeliveryOutcome.Sent, await Dispatcher().SendOnceAsync(NoticeKey, Mail, CancellationToken.None));
    }

    [Fact]
    public void Digests_are_at_most_once_and_notices_at_least_once()
    {
        Assert.True(MailDeliveryPolicy.For(MailKind.Digest).AtMostOnce);
        Assert.False(MailDeliveryPolicy.For(MailKind.DeadlineNotice).AtMostOnce);
        Assert.False(MailDeliveryPolicy.For(MailKind.PartnerReminder).AtMostOnce);
        Assert.False(MailDeliveryPolicy.For(MailKind.ReferralAnnouncement).AtMostOnce);
    }

    private sealed class ScriptedSender : IMailSender
    {
        public List<MailMessage> Sent { get; } = [];

        public Exception? Next { get; set; }

        public Task SendAsync(MailMessage message, CancellationToken cancellationToken)
        {
            if (Next is { } failure)
            {
                Next = null;
                return Task.FromException(failure);
            }

            Sent.Add(message);
            return Task.CompletedTask;
        }
    }
}
