using Azure.Data.Tables;
using Kim.Core.Mail;
using Kim.Core.Reminders;
using Kim.Core.Workflows;
using Kim.Testing;

namespace Kim.Api.Tests.Reminders;

/// <summary>The daily digest over the due-date index, on Azurite with a fake clock.</summary>
public sealed class DigestJobTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // Cases are opened on Monday 2 November 2026; the digest under test is Tuesday 24 November, 07:00 Berlin.
    private static readonly DateTimeOffset Opened = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateOnly Tuesday = new(2026, 11, 24);
    private static readonly ReminderOccurrence Morning = ReminderRig.SevenOClock(Tuesday);

    private const string Luedenscheid = "cm-luedenscheid@example.org";
    private const string Luedenscheid2 = ReminderRig.SecondCaseManager + "@example.org";

    private async Task<ReminderRig> RigAsync()
    {
        var rig = await ReminderRig.CreateAsync(azurite, Opened);
        return rig;
    }

    /// <summary>A (assigned) has a follow-up due today, one overdue and one later; B (unassigned) one overdue.</summary>
    private static async Task LuedenscheidCasesAsync(ReminderRig rig)
    {
        await rig.OpenCaseAsync("c-a1", assignee: "cm-luedenscheid");
        await rig.FollowUpAsync("c-a1", "2026-11-24");
        await rig.FollowUpAsync("c-a1", "2026-11-20");
        await rig.FollowUpAsync("c-a1", "2026-12-10");
        await rig.OpenCaseAsync("c-b1");
        await rig.FollowUpAsync("c-b1", "2026-11-23T15:00:00+01:00");
    }

    private static void AssertNoClientData(IEnumerable<MailMessage> mails) =>
        Assert.All(mails, mail =>
        {
            foreach (var forbidden in new[] { "Amira", "Haddad", "1990", "Traumatherapie", "Termin" })
            {
                Assert.DoesNotContain(forbidden, mail.Subject + mail.Text + mail.Html, StringComparison.OrdinalIgnoreCase);
            }
        });

    [Fact(Timeout = 60_000)]
    public async Task Each_case_manager_gets_one_digest_with_follow_ups_partner_answers_and_handover_steps()
    {
        var rig = await RigAsync();
        await LuedenscheidCasesAsync(rig);
        await rig.OpenCaseAsync("c-c1", "iserlohn", assignee: "cm-iserlohn");
        await rig.RaiseAsync("c-c1", CaseEvents.Accept);
        await rig.ReferAsync("c-c1", "jobcenter-mk", "2026-11-20");
        await rig.OpenCaseAsync("c-d1", "menden", assignee: "cm-menden");
        await rig.ToMonitoringAsync("c-d1");
        await rig.RaiseAsync("c-d1", CaseEvents.StartHandover, new { from = "AsylbLG", to = "SGB II", triggerDate = "2026-11-10" });
        await rig.OpenCaseAsync("c-e1", "menden", assignee: "cm-menden");
        await rig.FollowUpAsync("c-e1", "2026-11-25");

        rig.Clock.SetUtcNow(Morning.Instant);
        await rig.Job().RunAsync(Morning, CancellationToken.None);

        Assert.Equal(
            ["cm-iserlohn@example.org", Luedenscheid2, Luedenscheid, "cm-menden@example.org"],
            rig.Sender.Sent.Select(m => m.To.Email).Order(StringComparer.Ordinal));

        var own = Assert.Single(rig.Sender.To(Luedenscheid));
        Assert.Equal("KIM-Erinnerungen für Dienstag, 24.11.2026: 3 Einträge", own.Subject);
        Assert.Contains("Überfällige Wiedervorlagen (2)\n- Fall c-a1, fällig seit 20.11.2026: https://kim.example.org/api/cases/c-a1\n- Fall c-b1, fällig seit 23.11.2026", own.Text, StringComparison.Ordinal);
        Assert.Contains("Fällige Wiedervorlage (1)\n- Fall c-a1, fällig am 24.11.2026", own.Text, StringComparison.Ordinal);

        // The unassigned case goes to every case manager of its municipality.
        var second = Assert.Single(rig.Sender.To(Luedenscheid2));
        Assert.Contains("Fall c-b1, fällig seit 23.11.2026", second.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("c-a1", second.Text, StringComparison.Ordinal);

        Assert.Contains("Überfällige Antwort eines Netzwerkpartners (1)\n- Fall c-c1, Antwort erbeten bis 20.11.2026", Assert.Single(rig.Sender.To("cm-iserlohn@example.org")).Text, StringComparison.Ordinal);

        var menden = Assert.Single(rig.Sender.To("cm-menden@example.org")).Text;
        Assert.Contains("Übergabeschritt, fällig in den nächsten 5 Arbeitstagen (1)\n- Fall c-d1, fällig am 30.11.2026", menden, StringComparison.Ordinal);
        Assert.DoesNotContain("c-e1", menden, StringComparison.Ordinal); // due tomorrow: not yet

        AssertNoClientData(rig.Sender.Sent);
    }

    [Fact(Timeout = 60_000)]
    public async Task Nothing_due_means_no_mail()
    {
        var rig = await RigAsync();
        await rig.OpenCaseAsync("c-n1", assignee: "cm-luedenscheid");
        await rig.FollowUpAsync("c-n1", "2026-11-25");
        await rig.OpenCaseAsync("c-n2");

        rig.Clock.SetUtcNow(Morning.Instant);
        await rig.Job().RunAsync(Morning, CancellationToken.None);

        Assert.Empty(rig.Sender.Sent);
    }

    [Fact(Timeout = 60_000)]
    public async Task Running_an_occurrence_again_or_twice_at_once_sends_nobody_a_second_digest()
    {
        var rig = await RigAsync();
        await LuedenscheidCasesAsync(rig);
        rig.Clock.SetUtcNow(Morning.Instant);

        await rig.Job().RunAsync(Morning, CancellationToken.None);
        await rig.Job().RunAsync(Morning, CancellationToken.None);
        await Task.WhenAll(rig.Job().RunAsync(Morning, CancellationToken.None), rig.Job().RunAsync(Morning, CancellationToken.None));

        Assert.Single(rig.Sender.To(Luedenscheid));
        Assert.Single(rig.Sender.To(Luedenscheid2));
        Assert.Equal(2, rig.Sender.Sent.Count);

        // The next morning is another occurrence: a new digest.
        var wednesday = ReminderRig.SevenOClock(Tuesday.AddDays(1));
        rig.Clock.SetUtcNow(wednesday.Instant);
        await rig.Job().RunAsync(wednesday, CancellationToken.None);
        Assert.Equal(2, rig.Sender.To(Luedenscheid).Count);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(429, true)] // SendGrid refused: the mail certainly did not leave, the claim is given back
    [InlineData(503, false)] // the process may have died after SendGrid accepted: at most once, the claim stays
    public async Task A_failure_between_two_recipients_never_repeats_the_first_digest(int status, bool secondGetsItOnTheRerun)
    {
        var rig = await RigAsync();
        await LuedenscheidCasesAsync(rig);
        rig.Clock.SetUtcNow(Morning.Instant);
        var failing = new RecordingMailSender { Fail = m => m.To.Email == Luedenscheid2 ? new MailSendFailedException(status, "SendGrid is down") : null };

        await Assert.ThrowsAsync<AggregateException>(() => rig.Job(failing).RunAsync(Morning, CancellationToken.None));
        Assert.Single(failing.To(Luedenscheid));
        Assert.Empty(failing.To(Luedenscheid2));

        await rig.Job(failing.WithoutFailures()).RunAsync(Morning, CancellationToken.None);
        Assert.Single(failing.To(Luedenscheid));
        Assert.Equal(secondGetsItOnTheRerun ? 1 : 0, failing.To(Luedenscheid2).Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_row_the_projection_missed_is_rechecked_against_the_case_and_dropped()
    {
        var rig = await RigAsync();
        await rig.OpenCaseAsync("c-s1", assignee: "cm-luedenscheid");
        await rig.FollowUpAsync("c-s1", "2026-11-23");

        // The follow-up is done, but the projection never hears of it (a crash right after the commit).
        var blind = rig.NewRuntime([]);
        await rig.RaiseAsync("c-s1", CaseEvents.CompleteFollowUp, new { followUpId = "f-1" }, blind.Client);
        Assert.Single(await rig.Index.ListVisibleAsync(Morning.Instant, CancellationToken.None));

        rig.Clock.SetUtcNow(Morning.Instant);
        await rig.Job().RunAsync(Morning, CancellationToken.None);

        Assert.Empty(rig.Sender.Sent);
        Assert.Empty(await rig.Index.ListVisibleAsync(Morning.Instant, CancellationToken.None));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_projection_follows_the_case_done_follow_ups_leave_the_index_and_a_closed_case_leaves_nothing()
    {
        var rig = await RigAsync();
        await rig.OpenCaseAsync("c-p1", assignee: "cm-luedenscheid");
        await rig.FollowUpAsync("c-p1", "2026-11-23");
        await rig.FollowUpAsync("c-p1", "2026-11-24");
        await rig.FollowUpAsync("c-p1", "2026-12-24");
        Assert.Equal(2, (await rig.Index.ListVisibleAsync(Morning.Instant, CancellationToken.None)).Count);

        await rig.RaiseAsync("c-p1", CaseEvents.CompleteFollowUp, new { followUpId = "f-1" });
        Assert.Equal(["f-2"], (await rig.Index.ListVisibleAsync(Morning.Instant, CancellationToken.None)).Select(r => r.ItemId));

        await rig.RaiseAsync("c-p1", CaseEvents.Assign, new { caseManagerId = ReminderRig.SecondCaseManager });
        Assert.Equal([ReminderRig.SecondCaseManager], (await rig.Index.ListVisibleAsync(Morning.Instant, CancellationToken.None)).Select(r => r.Assignee));

        await rig.RaiseAsync("c-p1", CaseEvents.Decline, new { reason = "Regelangebot reicht aus" });
        Assert.Empty(await rig.Index.ListVisibleAsync(new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero), CancellationToken.None));
        var all = new List<string>();
        await foreach (var row in rig.Tables.GetTableClient(rig.Index.TableName).QueryAsync<TableEntity>())
        {
            all.Add(row.PartitionKey + " " + row.RowKey);
        }

        Assert.Equal(["districts mk"], all);
    }

    [Fact(Timeout = 120_000)]
    public async Task Across_the_end_of_summer_time_the_digest_still_comes_at_seven_in_Berlin()
    {
        // Wednesday 21 October 2026; summer time ends on Sunday 25 October at 03:00 CEST.
        var rig = await ReminderRig.CreateAsync(azurite, new DateTimeOffset(2026, 10, 21, 9, 0, 0, TimeSpan.FromHours(2)));
        await rig.OpenCaseAsync("c-dst", assignee: "cm-luedenscheid");
        await rig.FollowUpAsync("c-dst", "2026-10-22");
        var job = new RecordingJob(rig.Job());
        var ticker = new ReminderTicker(ReminderSchedule.Parse(ReminderSchedule.DefaultExpression), rig.SchedulesTable, job, rig.Clock);
        Assert.Equal(ReminderTickOutcome.Started, await ticker.TickAsync(CancellationToken.None));

        for (var now = rig.Clock.GetUtcNow(); now < new DateTimeOffset(2026, 10, 31, 0, 0, 0, TimeSpan.Zero); now += TimeSpan.FromMinutes(30))
        {
            rig.Clock.SetUtcNow(now);
            await ticker.TickAsync(CancellationToken.None);
        }

        Assert.Equal(
            ["2026-10-22T05:00:00Z", "2026-10-23T05:00:00Z", "2026-10-26T06:00:00Z", "2026-10-27T06:00:00Z", "2026-10-28T06:00:00Z", "2026-10-29T06:00:00Z", "2026-10-30T06:00:00Z"],
            job.Ran.Select(o => o.Id));
        Assert.All(job.Ran, o => Assert.Equal(7, o.Local.Hour));
        Assert.Equal(
            ["Donnerstag, 22.10.2026", "Freitag, 23.10.2026", "Montag, 26.10.2026", "Dienstag, 27.10.2026", "Mittwoch, 28.10.2026", "Donnerstag, 29.10.2026", "Freitag, 30.10.2026"],
            rig.Sender.To(Luedenscheid).Select(m => m.Subject["KIM-Erinnerungen für ".Length..m.Subject.IndexOf(':', StringComparison.Ordinal)]));
    }

    private sealed class RecordingJob(IReminderJob inner) : IReminderJob
    {
        public List<ReminderOccurrence> Ran { get; } = [];

        public async Task RunAsync(ReminderOccurrence occurrence, CancellationToken cancellationToken)
        {
            Ran.Add(occurrence);
            await inner.RunAsync(occurrence, cancellationToken);
        }
    }
}
