using Kim.Core.Mail;
using Xunit;

namespace Kim.Testing;

/// <summary>
/// What every <see cref="IMailLedger"/> must do (docs/mail.md, "Once per recipient"). Each
/// implementation's test class derives from this one, so the in-memory reference and the Table
/// Storage ledger are held to the same tests.
/// </summary>
public abstract class MailLedgerContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);
    protected static readonly TimeSpan TakeOver = MailDeliveryPolicy.DefaultTakeOver;

    private static readonly ReminderOccurrence Occurrence = new(T0, T0.ToOffset(TimeSpan.FromHours(1)));

    /// <summary>A ledger of its own for one test.</summary>
    protected abstract Task<IMailLedger> CreateLedgerAsync();

    /// <summary>Short enough that a hang fails the test instead of the run.</summary>
    protected static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;

    protected static MailDeliveryKey Notice(string recipient = "cm-menden@example.org", string deadline = "case-1/handover-2/jobcentre-application/due-soon") =>
        MailDeliveryKey.ForDeadline(MailKind.DeadlineNotice, new MailAddress(recipient), deadline);

    protected static MailDeliveryKey Digest(string recipient = "cm-menden@example.org") =>
        MailDeliveryKey.ForDigest(new MailAddress(recipient), Occurrence);

    [Fact(Timeout = 30_000)]
    public async Task The_first_claim_wins_and_a_second_is_claimed_elsewhere()
    {
        var ledger = await CreateLedgerAsync();
        Assert.Equal(MailClaimResult.Claimed, await ledger.TryClaimAsync(Digest(), T0, null, Timeout()));
        Assert.Equal(MailClaimResult.ClaimedElsewhere, await ledger.TryClaimAsync(Digest(), T0, null, Timeout()));
        Assert.Equal(MailClaimResult.ClaimedElsewhere, await ledger.TryClaimAsync(Digest(), T0 + TimeSpan.FromDays(1), null, Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_recorded_mail_is_already_sent_for_every_later_claim_even_after_the_take_over_time()
    {
        var ledger = await CreateLedgerAsync();
        Assert.Equal(MailClaimResult.Claimed, await ledger.TryClaimAsync(Notice(), T0, TakeOver, Timeout()));
        await ledger.RecordSentAsync(Notice(), T0 + TimeSpan.FromSeconds(1), Timeout());

        Assert.Equal(MailClaimResult.AlreadySent, await ledger.TryClaimAsync(Notice(), T0 + TimeSpan.FromSeconds(2), TakeOver, Timeout()));
        Assert.Equal(MailClaimResult.AlreadySent, await ledger.TryClaimAsync(Notice(), T0 + TimeSpan.FromDays(30), TakeOver, Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_claim_younger_than_the_take_over_time_is_kept_and_an_older_one_is_taken_over_once()
    {
        var ledger = await CreateLedgerAsync();
        Assert.Equal(MailClaimResult.Claimed, await ledger.TryClaimAsync(Notice(), T0, TakeOver, Timeout()));

        var later = T0 + TakeOver;
        Assert.Equal(MailClaimResult.ClaimedElsewhere, await ledger.TryClaimAsync(Notice(), later - TimeSpan.FromSeconds(1), TakeOver, Timeout()));
        Assert.Equal(MailClaimResult.Claimed, await ledger.TryClaimAsync(Notice(), later, TakeOver, Timeout()));
        Assert.Equal(MailClaimResult.ClaimedElsewhere, await ledger.TryClaimAsync(Notice(), later, TakeOver, Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_released_claim_can_be_claimed_again()
    {
        var ledger = await CreateLedgerAsync();
        Assert.Equal(MailClaimResult.Claimed, await ledger.TryClaimAsync(Digest(), T0, null, Timeout()));
        await ledger.ReleaseAsync(Digest(), Timeout());

        Assert.Equal(MailClaimResult.Claimed, await ledger.TryClaimAsync(Digest(), T0, null, Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task Releasing_a_sent_mail_or_an_unknown_key_changes_nothing()
    {
        var ledger = await CreateLedgerAsync();
        await ledger.ReleaseAsync(Notice(), Timeout());
        Assert.Equal(MailClaimResult.Claimed, await ledger.TryClaimAsync(Notice(), T0, TakeOver, Timeout()));
        await ledger.RecordSentAsync(Notice(), T0, Timeout());

        await ledger.ReleaseAsync(Notice(), Timeout());

        Assert.Equal(MailClaimResult.AlreadySent, await ledger.TryClaimAsync(Notice(), T0, TakeOver, Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task Recording_without_a_claim_marks_the_mail_sent()
    {
        var ledger = await CreateLedgerAsync();
        await ledger.RecordSentAsync(Digest(), T0, Timeout());
        Assert.Equal(MailClaimResult.AlreadySent, await ledger.TryClaimAsync(Digest(), T0, null, Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task Forgetting_a_case_deletes_the_deliveries_of_it_and_its_instances_and_no_others()
    {
        var ledger = await CreateLedgerAsync();
        var partner = new MailAddress("caritas@example.org");
        MailDeliveryKey[] ofCase =
        [
            Notice(deadline: "case-1/handover-2/jobcentre-application/due-soon"),
            MailDeliveryKey.ForDeadline(MailKind.PartnerReminder, partner, "case-1:r-1/answer-overdue/2026-11-16"),
            MailDeliveryKey.ForDeadline(MailKind.ReferralAnnouncement, partner, "case-1:r-1/announced"),
        ];
        MailDeliveryKey[] others = [Digest(), Notice(deadline: "case-10/handover-1/due-soon"), Notice(deadline: "case-1%2Fx")];
        foreach (var key in ofCase.Concat(others))
        {
            await ledger.RecordSentAsync(key, T0, Timeout());
        }

        Assert.Equal(3, await ledger.ForgetCaseAsync("case-1", Timeout()));
        Assert.Equal(0, await ledger.ForgetCaseAsync("case-1", Timeout()));
        foreach (var key in ofCase)
        {
            Assert.Equal(MailClaimResult.Claimed, await ledger.TryClaimAsync(key, T0, TakeOver, Timeout()));
        }

        foreach (var key in others)
        {
            Assert.Equal(MailClaimResult.AlreadySent, await ledger.TryClaimAsync(key, T0, TakeOver, Timeout()));
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Keys_differ_by_kind_subject_and_recipient_and_reserved_characters_keep_them_apart()
    {
        var ledger = await CreateLedgerAsync();
        MailDeliveryKey[] keys =
        [
            Notice(),
            Digest(),
            Notice(recipient: "o'neil@example.org"),
            Notice(deadline: "case-1/handover-2"),
            Notice(deadline: "case-1%2Fhandover-2"),
            Notice(deadline: "case-1|handover-2#x?y\\z"),
            MailDeliveryKey.ForDeadline(MailKind.PartnerReminder, new MailAddress("cm-menden@example.org"), "case-1/handover-2"),
        ];

        foreach (var key in keys)
        {
            Assert.Equal(MailClaimResult.Claimed, await ledger.TryClaimAsync(key, T0, TakeOver, Timeout()));
        }

        await ledger.RecordSentAsync(keys[5], T0, Timeout());
        Assert.Equal(MailClaimResult.AlreadySent, await ledger.TryClaimAsync(keys[5], T0, TakeOver, Timeout()));
        Assert.Equal(MailClaimResult.ClaimedElsewhere, await ledger.TryClaimAsync(keys[3], T0, TakeOver, Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task Of_concurrent_claims_exactly_one_wins()
    {
        var ledger = await CreateLedgerAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ledger.TryClaimAsync(Digest(), T0, null, Timeout()))));
        Assert.Single(results, r => r == MailClaimResult.Claimed);
        Assert.All(results.Where(r => r != MailClaimResult.Claimed), r => Assert.Equal(MailClaimResult.ClaimedElsewhere, r));
    }

    [Fact(Timeout = 30_000)]
    public async Task Of_concurrent_take_overs_of_a_stale_claim_exactly_one_wins()
    {
        var ledger = await CreateLedgerAsync();
        Assert.Equal(MailClaimResult.Claimed, await ledger.TryClaimAsync(Notice(), T0, TakeOver, Timeout()));
        var later = T0 + TakeOver + TimeSpan.FromMinutes(1);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ledger.TryClaimAsync(Notice(), later, TakeOver, Timeout()))));

        Assert.Single(results, r => r == MailClaimResult.Claimed);
    }
}
