using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Kim.Api.Tests.Cases;
using Kim.Core.Storage;
using Kim.Testing;
using Xunit.Abstractions;

namespace Kim.Api.Tests.Durable;

/// <summary>
/// Issue 9's crash test: Kim.Standalone is killed with SIGKILL at random moments while a workload of
/// cases with follow-ups due within the minute, referrals and handovers runs, and is started again
/// each time on the same storage and task hub. Afterwards every due notice was sent exactly once per
/// recipient, every referral announced once, every command is on its case once, no orchestration
/// instance failed and no wake-up is left in the outbox. Set <c>KIM_CRASH_SEED</c> to replay a run.
/// </summary>
[Trait("Category", "CrashRestart")]
[Collection(CrashRestartCollection.Name)]
public sealed class CrashRestartTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int Cases = 32;
    private const int Kills = 5;
    private const int KillsAfterWorkload = 2;
    private const int Lanes = 4;
    private const string Partner = "jobcenter-mk";
    private const string PartnerMail = "jobcenter-mk@example.org";
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly string _hub = KimApp.NewTaskHubName();

    [Fact(Timeout = 600_000)]
    public async Task Kim_killed_five_times_during_the_workload_sends_every_notice_once_and_loses_nothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("KIM_CRASH_SEED"), CultureInfo.InvariantCulture, out var replay)
            ? replay
            : Random.Shared.Next();
        Log($"seed {seed} (KIM_CRASH_SEED={seed} replays the plan and the kill moments)");
        var random = new Random(seed);
        var hub = _hub;
        var plans = Enumerable.Range(1, Cases)
            .Select(n => new CasePlan(n, Refer: n % 3 == 0, HandOver: n % 4 == 1, FollowUpIn: TimeSpan.FromSeconds(random.Next(20, 61))))
            .ToList();
        // Most kills hit the workload; the last ones the minute in which the follow-ups fall due.
        var killAfter = Enumerable.Range(0, Kills)
            .Select(k => TimeSpan.FromSeconds(k < Kills - KillsAfterWorkload ? 2 + (random.NextDouble() * 10) : 3 + (random.NextDouble() * 20)))
            .ToList();

        using var kim = new CrashingStandalone(azurite.ConnectionString, hub, Log);
        try
        {
            await kim.StartAsync();
            var workStarted = _clock.Elapsed;
            var workload = Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = Lanes }, async (plan, _) => await RunCaseAsync(kim, hub, plan));
            var killer = KillAsync(kim, killAfter, workload);
            await workload;
            Log($"workload done after {(_clock.Elapsed - workStarted).TotalSeconds:F1} s; {kim.Interrupted} calls died with a run, {kim.FoundApplied} of them had been applied");
            await killer;

            var dues = new Dictionary<string, DateTimeOffset>();
            foreach (var plan in plans)
            {
                var followUp = Assert.Single((await ReadCaseAsync(kim, plan.CaseId)).GetProperty("followUps").EnumerateArray());
                dues[plan.CaseId] = followUp.GetProperty("dueAt").GetDateTimeOffset();
            }

            Log($"follow-ups due from {dues.Values.Min().UtcDateTime:HH:mm:ss} to {dues.Values.Max().UtcDateTime:HH:mm:ss} UTC");
            var mails = await UntilNoticesAsync(plans, dues.Values.Max());
            await UntilOutboxEmptyAsync();

            AssertNoticesOnce(plans, mails);
            foreach (var plan in plans)
            {
                await AssertCaseAsync(kim, plan);
            }

            await AssertNoFailedInstanceAsync(hub, plans);
            var restarts = kim.Restarts;
            Log($"restarts: serving after {string.Join(", ", restarts.Select(r => r.Serving.ToString("F1", CultureInfo.InvariantCulture)))} s; " +
                $"owning the partition after {string.Join(", ", restarts.Select(r => r.OwnsPartition.ToString("F1", CultureInfo.InvariantCulture)))} s");
            Log($"total {_clock.Elapsed.TotalSeconds:F0} s");
        }
        catch
        {
            Log("last output of Kim:\n" + kim.Output());
            Log(await kim.TaskHub.DescribeAsync());
            throw;
        }
    }

    /// <summary>Kills after each pause; the last <see cref="KillsAfterWorkload"/> pauses start once the workload is done (or from the kill before).</summary>
    private async Task KillAsync(CrashingStandalone kim, List<TimeSpan> pauses, Task workload)
    {
        for (var kill = 0; kill < pauses.Count; kill++)
        {
            if (kill == pauses.Count - KillsAfterWorkload)
            {
                await workload;
            }

            await Task.Delay(pauses[kill]);
            await kim.KillAndRestartAsync();
            Log($"kill {kill + 1} at {DateTime.UtcNow:HH:mm:ss} UTC");
        }
    }

    /// <summary>Takes one case through its plan over HTTP, as a partner and the case manager would.</summary>
    private static async Task RunCaseAsync(CrashingStandalone kim, string hub, CasePlan plan)
    {
        plan.CaseId = await IntakeAsync(kim, hub, plan);
        await CommandAsync(kim, plan, "assign", c => c.PostAsJsonAsync(CasePath(plan, "assign"), new { caseManagerId = CaseKit.Luedenscheid }), c => c.GetProperty("assignee").ToString());
        await TransitionAsync(kim, plan, "start-clearing");
        await TransitionAsync(kim, plan, "accept");
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Berlin).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (plan.Refer)
        {
            await CommandAsync(kim, plan, "consent", c => c.PostAsJsonAsync(CasePath(plan, "consents"), new
            {
                recipient = Partner,
                purpose = "Vermittlung",
                categories = new[] { "identity" },
                form = "written",
                validFrom = today,
            }), Count("consents"));
            var consentId = (await ReadCaseAsync(kim, plan.CaseId)).GetProperty("consents").EnumerateArray()
                .Single(c => c.GetProperty("recipient").GetString() == Partner).GetProperty("consentId").GetString();
            await CommandAsync(kim, plan, "referral", c => c.PostAsJsonAsync(CasePath(plan, "referrals"), new { partnerId = Partner, purpose = "Vermittlung", consentId }), Count("referrals"));
        }

        if (plan.HandOver)
        {
            await TransitionAsync(kim, plan, "complete-assessment");
            await CommandAsync(kim, plan, "agree-plan", c => c.PostAsJsonAsync(CasePath(plan, "transitions/agree-plan"), new { goals = new[] { "Arbeit" } }), State);
            await CommandAsync(kim, plan, "handover", c => c.PostAsJsonAsync(CasePath(plan, "handovers"), new { from = "AsylbLG", to = "SGB II", triggerDate = today }), Count("handovers"));
        }

        await CommandAsync(
            kim,
            plan,
            "followup",
            c => c.PostAsJsonAsync(CasePath(plan, "followups"), new { dueAt = DateTimeOffset.UtcNow.Add(plan.FollowUpIn).ToString("O", CultureInfo.InvariantCulture), note = $"Rückruf {plan.Number}" }),
            Count("followUps"));
    }

    /// <summary>The intake is idempotent by its key and partner reference: a retry after a kill answers the same case.</summary>
    private static async Task<string> IntakeAsync(CrashingStandalone kim, string hub, CasePlan plan)
    {
        var reference = $"{hub}-{plan.Number}";
        var fields = IntakeRequests.Minimal(reference)
            .With("consentToCaseProcessing", "true")
            .With("client.legalDomains", "AsylbLG");
        using var response = await kim.SendAsync(c => c.SendAsync(IntakeRequests.Json(fields, idempotencyKey: reference)));
        var accepted = await CaseKit.OkAsync(response!, HttpStatusCode.Accepted);
        return accepted.GetProperty("reference").GetString()!;
    }

    private static Task TransitionAsync(CrashingStandalone kim, CasePlan plan, string transition) =>
        CommandAsync(kim, plan, transition, c => c.PostAsync(CasePath(plan, "transitions/" + transition), null), State);

    /// <summary>
    /// Sends a case manager's command. Staff commands carry no idempotency key (the record engine
    /// gives each request a new event id), so a call that died with Kim is sent again only when
    /// <paramref name="observe"/> shows the case unchanged: a blind retry could apply it twice.
    /// </summary>
    private static async Task CommandAsync(
        CrashingStandalone kim, CasePlan plan, string name, Func<HttpClient, Task<HttpResponseMessage>> send, Func<JsonElement, string> observe)
    {
        var before = observe(await ReadCaseAsync(kim, plan.CaseId));
        var response = await kim.SendAsync(send, async () => observe(await ReadCaseAsync(kim, plan.CaseId)) != before, staffId: CaseKit.Luedenscheid);
        if (response is not null)
        {
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{name} on {plan.CaseId}: {(int)response.StatusCode} {body}");
            }
        }

        plan.Commands.Add(name);
    }

    private static async Task<JsonElement> ReadCaseAsync(CrashingStandalone kim, string caseId)
    {
        using var response = await kim.SendAsync(c => c.GetAsync(new Uri($"/api/cases/{caseId}", UriKind.Relative)), staffId: CaseKit.Luedenscheid);
        return await CaseKit.OkAsync(response!);
    }

    private static async Task<List<JsonElement>> ReadTimelineAsync(CrashingStandalone kim, string caseId)
    {
        using var response = await kim.SendAsync(c => c.GetAsync(new Uri($"/api/cases/{caseId}/timeline", UriKind.Relative)), staffId: CaseKit.Luedenscheid);
        return [.. (await CaseKit.OkAsync(response!)).GetProperty("items").EnumerateArray()];
    }

    private static Uri CasePath(CasePlan plan, string rest) => new($"/api/cases/{plan.CaseId}/{rest}", UriKind.Relative);

    private static string State(JsonElement kase) => kase.GetProperty("state").GetString()!;

    private static Func<JsonElement, string> Count(string collection) =>
        kase => kase.GetProperty(collection).GetArrayLength().ToString(CultureInfo.InvariantCulture);

    private static string FollowUpSubject(string caseId) => $"Wiedervorlage fällig im Fall {caseId}";

    private static string AnnouncementSubject(string caseId) => $"Neue Vermittlung {caseId}:r-1 an Ihre Organisation";

    /// <summary>Waits until every follow-up notice and every announcement is in the development mailbox; the orchestrations send them in the background.</summary>
    private async Task<List<(string To, string Subject)>> UntilNoticesAsync(List<CasePlan> plans, DateTimeOffset lastDue)
    {
        var expected = plans.Select(p => FollowUpSubject(p.CaseId))
            .Concat(plans.Where(p => p.Refer).Select(p => AnnouncementSubject(p.CaseId)))
            .ToHashSet(StringComparer.Ordinal);
        var deadline = lastDue + TimeSpan.FromMinutes(3);
        while (true)
        {
            var mails = await MailboxAsync();
            var missing = expected.Except(mails.Select(m => m.Subject)).ToList();
            if (missing.Count == 0)
            {
                Log($"all {expected.Count} notices in the mailbox {(DateTimeOffset.UtcNow - lastDue).TotalSeconds:F0} s after the last follow-up fell due");
                return mails;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                Assert.Fail($"{missing.Count} notices not sent 3 minutes after the last follow-up fell due: {string.Join("; ", missing)}\n{await DescribeAsync(plans, missing)}");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>What the task hub and the outbox hold about the cases whose notices are missing.</summary>
    private async Task<string> DescribeAsync(List<CasePlan> plans, List<string> missing)
    {
        var instances = new TableServiceClient(azurite.ConnectionString).GetTableClient(_hub + "Instances");
        var outbox = new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.ClockWakesTable);
        var lines = new List<string>();
        foreach (var plan in plans.Where(p => missing.Any(m => m.Contains(p.CaseId, StringComparison.Ordinal))))
        {
            foreach (var id in new[] { plan.CaseId, plan.CaseId + ":f-1" })
            {
                await foreach (var row in instances.QueryAsync<TableEntity>(e => e.PartitionKey == id))
                {
                    lines.Add($"{id}: {row.GetString("RuntimeStatus")} created {row.GetDateTimeOffset("CreatedTime"):HH:mm:ss} updated {row.GetDateTimeOffset("LastUpdatedTime"):HH:mm:ss} " +
                        $"execution {row.GetString("ExecutionId")} status {row.GetString("CustomStatus")}");
                }
            }

            await foreach (var row in outbox.QueryAsync<TableEntity>())
            {
                if (row.RowKey.StartsWith(plan.CaseId, StringComparison.Ordinal))
                {
                    lines.Add($"outbox: {row.RowKey} written {row.Timestamp:HH:mm:ss}");
                }
            }

            lines.Add($"{plan.CaseId} commands [{string.Join(", ", plan.Commands)}]");
        }

        return string.Join('\n', lines);
    }

    /// <summary>Every wake-up a kill left in the outbox is delivered by the sweep (at start and every minute, for rows a minute old).</summary>
    private async Task UntilOutboxEmptyAsync()
    {
        var outbox = new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.ClockWakesTable);
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var left = new List<string>();
            await foreach (var row in outbox.QueryAsync<TableEntity>(select: ["RowKey"]))
            {
                left.Add(row.RowKey);
            }

            if (left.Count == 0)
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"{left.Count} wake-ups left in the outbox: {string.Join(", ", left.Take(10))}");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private async Task<List<(string To, string Subject)>> MailboxAsync()
    {
        var mailbox = new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.DevMailboxTable);
        var mails = new List<(string, string)>();
        await foreach (var mail in mailbox.QueryAsync<TableEntity>(select: ["To", "Subject"]))
        {
            mails.Add((mail.GetString("To"), mail.GetString("Subject")));
        }

        return mails;
    }

    /// <summary>The mail ledger's rule: a notice once per recipient and occurrence; an announcement once to the partner.</summary>
    private void AssertNoticesOnce(List<CasePlan> plans, List<(string To, string Subject)> mails)
    {
        var twice = mails.GroupBy(m => m).Where(g => g.Count() > 1).Select(g => $"{g.Key.To} × {g.Count()}: {g.Key.Subject}").ToList();
        Assert.True(twice.Count == 0, "mails sent more than once:\n" + string.Join('\n', twice));
        foreach (var plan in plans)
        {
            var notices = mails.Where(m => m.Subject == FollowUpSubject(plan.CaseId)).Select(m => m.To).ToList();
            Assert.NotEmpty(notices);
            Assert.Equal(notices.Count, notices.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            var announcements = mails.Where(m => m.Subject == AnnouncementSubject(plan.CaseId)).Select(m => m.To).ToList();
            Assert.Equal(plan.Refer ? [PartnerMail] : [], announcements);
        }

        Log($"{mails.Count} mails in the mailbox, none twice");
    }

    /// <summary>The case holds what its commands made, once each; its timeline lists every staff command once and no event twice.</summary>
    private static async Task AssertCaseAsync(CrashingStandalone kim, CasePlan plan)
    {
        var kase = await ReadCaseAsync(kim, plan.CaseId);
        Assert.Equal(CaseKit.Luedenscheid, kase.GetProperty("assignee").GetString());
        Assert.Single(kase.GetProperty("followUps").EnumerateArray());
        Assert.Equal(plan.Refer ? 1 : 0, kase.GetProperty("referrals").GetArrayLength());
        Assert.Equal(plan.Refer ? 1 : 0, kase.GetProperty("consents").EnumerateArray().Count(c => c.GetProperty("recipient").GetString() == Partner));
        Assert.Equal(plan.HandOver ? 1 : 0, kase.GetProperty("handovers").GetArrayLength());

        var timeline = await ReadTimelineAsync(kim, plan.CaseId);
        // One event may write a row on the case and on its referral or handover (same partition): unique per instance.
        var twice = timeline
            .GroupBy(e => (Instance: e.GetProperty("instanceId").GetString(), Event: e.GetProperty("eventId").GetString()))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Instance} {g.Key.Event} × {g.Count()}")
            .ToList();
        Assert.True(twice.Count == 0, $"{plan.CaseId}: events applied twice: {string.Join(", ", twice)}");
        var byStaff = timeline
            .Where(e => e.GetProperty("actor").GetString() == CaseKit.Luedenscheid && e.GetProperty("instanceId").GetString() == plan.CaseId)
            .Select(e => e.GetProperty("type").GetString()!)
            .ToList();
        Assert.True(
            byStaff.Count == plan.Commands.Count && byStaff.Count == byStaff.Distinct(StringComparer.Ordinal).Count(),
            $"{plan.CaseId}: commands [{string.Join(", ", plan.Commands)}], staff entries on its timeline [{string.Join(", ", byStaff)}]");
    }

    /// <summary>
    /// Durable's instance table of the task hub: every case's orchestrations exist, none failed, and
    /// none stays Pending (an instance whose start was never run: its timers are lost, and every later
    /// wake-up is dropped by the start's dedupe statuses). A start the last sweep made may be Pending
    /// for a moment, so Pending is given a minute to end.
    /// </summary>
    private async Task AssertNoFailedInstanceAsync(string hub, List<CasePlan> plans)
    {
        var instances = new TableServiceClient(azurite.ConnectionString).GetTableClient(hub + "Instances");
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1);
        Dictionary<string, string> statuses;
        while (true)
        {
            statuses = new Dictionary<string, string>(StringComparer.Ordinal);
            await foreach (var row in instances.QueryAsync<TableEntity>(select: ["PartitionKey", "RuntimeStatus"]))
            {
                statuses[row.PartitionKey] = row.GetString("RuntimeStatus");
            }

            if (!statuses.ContainsValue("Pending") || DateTimeOffset.UtcNow >= deadline)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        Log("instances: " + string.Join(", ", statuses.Values.GroupBy(s => s).Select(g => $"{g.Count()} {g.Key}")));
        var stuck = statuses.Where(s => s.Value is "Failed" or "Pending").Select(s => $"{s.Key} {s.Value}").ToList();
        Assert.True(stuck.Count == 0, "instances failed or never started: " + string.Join(", ", stuck));
        foreach (var plan in plans)
        {
            Assert.Contains(plan.CaseId, statuses.Keys);
            Assert.Contains(plan.CaseId + ":f-1", statuses.Keys);
            Assert.Equal(plan.Refer, statuses.ContainsKey(plan.CaseId + ":r-1"));
            Assert.Equal(plan.HandOver, statuses.ContainsKey(plan.CaseId + ":h-1"));
        }
    }

    private void Log(string line)
    {
        var text = $"[{_clock.Elapsed.TotalSeconds,6:F1} s] {line}";
        try
        {
            output.WriteLine(text);
        }
        catch (InvalidOperationException)
        {
            // The test has ended; a late measurement has no reader left.
        }

        Console.WriteLine(text);
    }
}
