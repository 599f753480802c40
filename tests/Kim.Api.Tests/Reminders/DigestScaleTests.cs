using System.Diagnostics;
using Kim.Core;
using Kim.Core.Mail;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Kim.Testing;
using Xunit.Abstractions;

namespace Kim.Api.Tests.Reminders;

/// <summary>
/// The digest's storage work grows with what is due, not with the number of cases. Every case is in
/// the due-date index, written in entity-group batches as a rebuild writes it; only the cases due have
/// instance rows, so a digest that read the row of any other case would find it gone and drop the
/// case from the index: extra requests in both counts below. Requests are counted, never timed.
/// </summary>
public sealed class DigestScaleTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int Due = 50;
    private const int Few = 200;
    private const int Many = 5_000;
    private static readonly DateTimeOffset Opened = new(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly ReminderOccurrence Thursday = ReminderRig.SevenOClock(new DateOnly(2026, 11, 5));

    [Fact(Timeout = 180_000)]
    public async Task Five_thousand_cases_cost_the_digest_no_more_requests_than_two_hundred_with_the_same_fifty_due()
    {
        var small = await MeasureAsync(Few);
        var large = await MeasureAsync(Many);

        output.WriteLine($"Digest storage requests: {small.All} with {Few} cases, {large.All} with {Many} cases ({Due} due follow-ups each).");
        Assert.Equal(Due, small.Instances);
        Assert.Equal(Due, large.Instances);
        Assert.True(large.All <= 1.2 * small.All, $"{large.All} requests for {Many} cases, {small.All} for {Few}");
    }

    /// <summary>Seeds the cases (instance rows of the due ones, the index of all in batches of 100) and counts one digest run's requests: all, and those to the instance table.</summary>
    private async Task<(int All, int Instances)> MeasureAsync(int cases)
    {
        var rig = await ReminderRig.CreateAsync(azurite, Opened);
        var calendar = WorkingCalendar.Nrw;
        string[] municipalities = ["luedenscheid", "iserlohn", "menden"];
        var records = Enumerable.Range(0, cases).Select(i =>
        {
            var id = $"c-{i:D5}";
            var municipality = municipalities[i % 3];
            var assignee = i % 5 == 0 ? null : "cm-" + municipality;

            // The first 50 are due today or overdue; the others later, from 2 to 12 weeks ahead.
            var due = i < Due
                ? calendar.At(new DateOnly(2026, 11, 3 + (i % 3)), new TimeOnly(8, 0))
                : calendar.At(new DateOnly(2026, 11, 16).AddDays(i % 70), new TimeOnly(8, 0));
            return new InstanceRecord
            {
                InstanceId = id,
                Workflow = CaseWorkflow.WorkflowName,
                Version = 1,
                Status = WorkflowStatus.Running,
                State = KimJson.ToElement(ReminderRig.SeedState(id, municipality, assignee, Opened, due)),
                CustomStatus = "clearing",
                CreatedAt = Opened,
                UpdatedAt = Opened,
                Sequence = 1,
            };
        }).ToList();

        await Parallel.ForEachAsync(records.Take(Due), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (record, ct) =>
            await rig.Store.CommitAsync(
                [new InstanceWrite(record, [new HistoryEntry(record.InstanceId, 1, "started", "started", "seed", Opened, KimJson.ToElement(new { }))])],
                ct));
        rig.Requests.Reset();
        var seeding = Stopwatch.StartNew();
        var rows = await rig.Index.RebuildAsync(records, CancellationToken.None);
        output.WriteLine($"Seeded {cases} cases: {rows} due rows in {rig.Requests.Count} requests, {seeding.Elapsed.TotalSeconds:F1} s.");

        rig.Clock.SetUtcNow(Thursday.Instant);
        rig.Requests.Reset();
        await rig.Job().RunAsync(Thursday, CancellationToken.None);
        var requests = rig.Requests.Requests;
        var instances = requests.Count(r => r.Uri.AbsolutePath.Contains("/" + rig.InstancesTable.Name + "(", StringComparison.Ordinal)
            || r.Uri.AbsolutePath.EndsWith("/" + rig.InstancesTable.Name, StringComparison.Ordinal));

        var listed = rig.Sender.Sent.SelectMany(m => records.Take(Due).Select(r => r.InstanceId).Where(id => m.Text.Contains($"Fall {id},", StringComparison.Ordinal))).Distinct().Count();
        Assert.Equal(Due, listed);
        Assert.DoesNotContain(rig.Sender.Sent, m => m.Text.Contains($"Fall c-{Due:D5},", StringComparison.Ordinal));
        return (requests.Count, instances);
    }
}
