using System.Text.Json;
using Kim.Core.Runtime;
using Kim.Testing;
using Kim.Testing.Runtime;

namespace Kim.Core.Tests.Runtime;

/// <summary>
/// A case with a referral lives through start, referral, notification action, reminder timer,
/// acceptance, completion, review timer and closing. The same scenario is run once without faults
/// and then once per crash: at every boundary (before and after the commit, before and after each
/// message send, before each message delete, inside the action), at each of its occurrences. After
/// recovery by redelivery (and by a caller retrying an inline call) the outcome must equal the
/// crash-free run, no event may be applied twice, and no timer may be lost or fire early.
/// </summary>
public sealed class CrashRecoveryTests
{
    public static TheoryData<string> Points =>
        ["store.commit.before", "store.commit.after", "queue.send.before", "queue.send.after", "queue.delete.before", "action.run"];

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(Points))]
    public async Task A_crash_at_any_occurrence_of_a_boundary_recovers_to_the_crash_free_outcome(string point)
    {
        var baseline = await RunScenarioAsync(null);
        var occurrences = baseline.Hits(point);
        Assert.True(occurrences > 0, $"the scenario never passes {point}");

        for (var k = 1; k <= occurrences; k++)
        {
            var crashed = await RunScenarioAsync((point, k));

            Assert.True(crashed.Faults.Fired, $"{point} #{k} did not fire");
            Assert.Equal(baseline.Outcome, crashed.Outcome);
        }
    }

    private static async Task<Run> RunScenarioAsync((string Point, int Occurrence)? crash)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ct = timeout.Token;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var faults = new FaultInjector();
        if (crash is { } c)
        {
            faults.CrashAt(c.Point, c.Occurrence);
        }

        var store = new InMemoryInstanceStore(faults);
        var queue = new InMemoryWorkQueue(clock, faults);
        var notify = new RecordingActionHandler { Faults = faults };
        var runtime = new WorkflowRuntime(
            store,
            queue,
            new InMemoryWorkQueue(clock),
            new WorkflowRegistry().Add(new CaseWorkflow()).Add(new ReferralWorkflow()),
            new ActionRegistry().Add(notify),
            new WorkflowRuntimeOptions(),
            clock);
        var client = runtime.Client;
        var dispatcher = runtime.CreateDispatcher();

        async Task SettleAsync()
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                if ((await dispatcher.ProcessBatchAsync(ct)).Count > 0)
                {
                    continue;
                }

                // Redeliveries (abandoned or un-deleted messages, orphan checks, action retries) come within minutes.
                if (queue.NextVisibleAt is { } next && next <= clock.GetUtcNow() + TimeSpan.FromMinutes(10))
                {
                    clock.SetUtcNow(next > clock.GetUtcNow() ? next : clock.GetUtcNow());
                    continue;
                }

                return;
            }
        }

        async Task AdvanceAsync(TimeSpan by)
        {
            clock.Advance(by);
            await SettleAsync();
        }

        // A caller that gets an error retries the same call, with the same event id.
        static async Task<WorkflowResult> RetryAsync(Func<Task<WorkflowResult>> call)
        {
            while (true)
            {
                try
                {
                    return await call();
                }
                catch (SimulatedCrashException)
                {
                }
            }
        }

        await RetryAsync(() => client.StartAsync("c1", CaseWorkflow.WorkflowName, null, "cm-1", ct));
        await RetryAsync(() => client.RaiseEventAsync("c1", "refer", KimJson.ToElement(new { suffix = "r1" }), "cm-1", "refer-1", ct));
        await SettleAsync();
        await AdvanceAsync(TimeSpan.FromDays(15));
        await RetryAsync(() => client.RaiseEventAsync("c1:r1", "accept", null, "partner:p", "accept-1", ct));
        await RetryAsync(() => client.RaiseEventAsync("c1:r1", "done", null, "partner:p", "done-1", ct));
        await SettleAsync();
        await AdvanceAsync(TimeSpan.FromDays(91));
        await RetryAsync(() => client.RaiseEventAsync("c1", "close", null, "cm-1", "close-1", ct));
        await SettleAsync();

        // Messages of cancelled timers are still queued: when they arrive they must change nothing.
        await AdvanceAsync(TimeSpan.FromDays(200));

        var outcome = new List<string>();
        foreach (var id in new[] { "c1", "c1:r1" })
        {
            var snapshot = await client.GetAsync(id, ct) ?? throw new InvalidOperationException(id + " lost");
            var history = (await client.GetHistoryAsync(id, 0, 1000, ct)).Entries;
            Assert.Equal(history.Count, history.Select(h => h.EventId).Distinct().Count());
            Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(h => h.Sequence));
            foreach (var fired in history.Where(h => h.Kind == "timer-fired"))
            {
                Assert.True(fired.At >= fired.Data.GetProperty("dueAt").GetDateTimeOffset(), "a timer fired early");
            }

            outcome.Add(
                $"{id} {snapshot.Status} {snapshot.CustomStatus} {snapshot.State?.GetRawText()} " +
                $"timers=[{string.Join(',', snapshot.Timers.Select(t => t.TimerId))}] actions=[{string.Join(',', snapshot.PendingActions)}] " +
                $"attention={snapshot.NeedsAttention} history=[{string.Join(',', history.Select(h => h.Kind + ":" + h.EventId))}]");
        }

        Assert.Equal(0, queue.Count);
        Assert.NotEmpty(notify.Calls);
        return new Run(faults, string.Join('\n', outcome));
    }

    private sealed record Run(FaultInjector Faults, string Outcome)
    {
        public int Hits(string point) => Faults.Hits(point);
    }
}
