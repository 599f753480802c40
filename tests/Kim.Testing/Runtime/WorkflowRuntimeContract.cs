using System.Diagnostics;
using System.Text.Json;
using Kim.Core;
using Kim.Core.Runtime;
using Xunit;

namespace Kim.Testing.Runtime;

/// <summary>The store, work queue and poison queue a contract run uses.</summary>
public sealed record RuntimeBackend(IInstanceStore Store, IWorkQueue Work, IWorkQueue Poison);

/// <summary>
/// The behaviour every backend of the runtime must show, written once. A concrete subclass per
/// backend (in memory in Kim.Core.Tests, Azure Storage on Azurite in Kim.Storage.Tests) says how
/// to make a fresh backend and how long the queue needs to be quiet. The clock is fake: tests move
/// it; on Azure a shortened longest hop makes every timer message visible within a second.
/// </summary>
public abstract class WorkflowRuntimeContract : IAsyncLifetime
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(300));

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    protected CancellationToken Ct => _timeout.Token;

    protected WorkflowRuntime Runtime { get; private set; } = null!;

    protected WorkflowClient Client => Runtime.Client;

    protected WorkDispatcher Dispatcher { get; private set; } = null!;

    protected CountingInstanceStore Store { get; private set; } = null!;

    protected CountingWorkQueue Work { get; private set; } = null!;

    protected IWorkQueue Poison { get; private set; } = null!;

    protected RecordingActionHandler Notify { get; } = new();

    protected WorkflowRegistry Workflows { get; } = new();

    /// <summary>How long the queue must stay without work before a pump ends (zero in memory).</summary>
    protected abstract TimeSpan QuietPeriod { get; }

    /// <summary>Instances and events per instance for the two-dispatcher test.</summary>
    protected abstract (int Instances, int Events) ConcurrencyScale { get; }

    protected abstract Task<RuntimeBackend> CreateBackendAsync();

    /// <summary>Shortens real-time delays for backends whose queue visibility runs on the real clock.</summary>
    protected virtual void Tune(WorkflowRuntimeOptions options)
    {
    }

    public async Task InitializeAsync()
    {
        var backend = await CreateBackendAsync();
        Store = new CountingInstanceStore(backend.Store);
        Work = new CountingWorkQueue(backend.Work);
        Poison = backend.Poison;
        Workflows.Add(new ReferralWorkflow()).Add(new CaseWorkflow()).Add(new CounterWorkflow()).Add(new TimerWorkflow());
        var options = new WorkflowRuntimeOptions();
        Tune(options);
        Runtime = new WorkflowRuntime(Store, Work, Poison, Workflows, new ActionRegistry().Add(Notify), options, Clock);
        Dispatcher = Runtime.CreateDispatcher();
    }

    public virtual Task DisposeAsync()
    {
        _timeout.Dispose();
        return Task.CompletedTask;
    }

    protected static JsonElement Json(object value) => KimJson.ToElement(value);

    /// <summary>Processes work until the queue has nothing but timers not yet due and work of suspended instances.</summary>
    protected async Task PumpAsync(WorkDispatcher? dispatcher = null)
    {
        var quiet = Stopwatch.StartNew();
        while (true)
        {
            Ct.ThrowIfCancellationRequested();
            var outcomes = await (dispatcher ?? Dispatcher).ProcessBatchAsync(Ct);
            if (outcomes.Any(o => o is not (WorkOutcome.Rearmed or WorkOutcome.Deferred)))
            {
                quiet.Restart();
                continue;
            }

            if (outcomes.Count > 0)
            {
                continue;
            }

            if (quiet.Elapsed >= QuietPeriod)
            {
                return;
            }

            await Task.Delay(50, Ct);
        }
    }

    protected async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await PumpAsync();
    }

    protected async Task<InstanceSnapshot> GetAsync(string id) => await Client.GetAsync(id, Ct) ?? throw new InvalidOperationException(id + " is missing");

    protected async Task<List<HistoryEntry>> HistoryAsync(string id)
    {
        var all = new List<HistoryEntry>();
        long? after = 0;
        while (after is { } from)
        {
            var page = await Client.GetHistoryAsync(id, from, 50, Ct);
            all.AddRange(page.Entries);
            after = page.NextAfterSequence;
        }

        return all;
    }

    protected Task<WorkflowResult> StartReferralAsync(string id) =>
        Client.StartAsync(id, ReferralWorkflow.WorkflowName, Json(new { partner = "jobcenter" }), "cm-1", Ct);

    [Fact(Timeout = 150_000)]
    public async Task Start_is_idempotent_by_instance_id()
    {
        var first = await StartReferralAsync("r1");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await StartReferralAsync("r1");

        Assert.Equal(WorkflowOutcome.Applied, first.Outcome);
        Assert.Equal(WorkflowOutcome.Duplicate, second.Outcome);
        Assert.Equal(first.Instance!.CreatedAt, second.Instance!.CreatedAt);
        Assert.Equal(1, (await GetAsync("r1")).Sequence);
        Assert.Single(await HistoryAsync("r1"));
    }

    [Fact(Timeout = 150_000)]
    public async Task Raised_event_is_applied_inline_and_seen_in_the_next_read()
    {
        await StartReferralAsync("r1");

        var result = await Client.RaiseEventAsync("r1", "accept", null, "cm-1", "e-1", Ct);

        Assert.Equal(WorkflowOutcome.Applied, result.Outcome);
        var read = await GetAsync("r1");
        Assert.Equal("accepted", read.CustomStatus);
        Assert.Equal("accepted", read.StateAs<ReferralWorkflow.State>()!.Status);
        Assert.Empty(read.Timers);
        var last = (await HistoryAsync("r1"))[^1];
        Assert.Equal(("raised", "cm-1", "e-1"), (last.Kind, last.Actor, last.EventId));
    }

    [Fact(Timeout = 150_000)]
    public async Task The_same_event_id_twice_is_applied_once()
    {
        await StartReferralAsync("r1");
        await Client.RaiseEventAsync("r1", "accept", null, "cm-1", "e-1", Ct);
        var before = await GetAsync("r1");

        var again = await Client.RaiseEventAsync("r1", "accept", null, "cm-1", "e-1", Ct);

        Assert.Equal(WorkflowOutcome.Duplicate, again.Outcome);
        Assert.Equal(before.Sequence, (await GetAsync("r1")).Sequence);
        Assert.Equal(2, (await HistoryAsync("r1")).Count);
    }

    [Fact(Timeout = 150_000)]
    public async Task A_rejected_event_writes_nothing_and_says_why()
    {
        await StartReferralAsync("r1");

        var result = await Client.RaiseEventAsync("r1", "done", null, "cm-1", null, Ct);

        Assert.Equal(WorkflowOutcome.Rejected, result.Outcome);
        Assert.Equal("illegal-transition", result.Rejection!.Code);
        Assert.Equal("sent", result.Rejection.CurrentState);
        Assert.Equal(1, (await GetAsync("r1")).Sequence);
        Assert.Single(await HistoryAsync("r1"));
    }

    [Fact(Timeout = 150_000)]
    public async Task History_reads_oldest_first_in_pages()
    {
        await Client.StartAsync("c1", CaseWorkflow.WorkflowName, null, "cm-1", Ct);
        for (var i = 0; i < 4; i++)
        {
            await Client.RaiseEventAsync("c1", "note", Json(new { text = "n" + i }), "cm-" + i, "note-" + i, Ct);
        }

        var first = await Client.GetHistoryAsync("c1", 0, 2, Ct);
        var second = await Client.GetHistoryAsync("c1", first.NextAfterSequence!.Value, 2, Ct);
        var third = await Client.GetHistoryAsync("c1", second.NextAfterSequence!.Value, 2, Ct);

        Assert.Equal([1L, 2L], first.Entries.Select(e => e.Sequence));
        Assert.Equal(["note-1", "note-2"], second.Entries.Select(e => e.EventId));
        Assert.Equal(["note-3"], third.Entries.Select(e => e.EventId));
        Assert.Null(third.NextAfterSequence);
        Assert.Equal("cm-3", third.Entries[0].Actor);
        Assert.Equal("n3", third.Entries[0].Data.GetProperty("payload").GetProperty("text").GetString());
    }

    [Fact(Timeout = 150_000)]
    public async Task A_thirty_day_timer_fires_once_at_or_after_its_due_time()
    {
        await Client.StartAsync("t1", TimerWorkflow.WorkflowName, Json(new { days = 30 }), "cm-1", Ct);
        var due = (await GetAsync("t1")).Timers.Single().DueAt;
        await PumpAsync();

        await AdvanceAsync(TimeSpan.FromDays(29));
        await AdvanceAsync(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(1));
        Assert.Empty((await GetAsync("t1")).StateAs<TimerWorkflow.State>()!.FiredAt);

        await AdvanceAsync(TimeSpan.FromMinutes(2));
        await AdvanceAsync(TimeSpan.FromDays(10));

        var done = await GetAsync("t1");
        var fired = Assert.Single(done.StateAs<TimerWorkflow.State>()!.FiredAt);
        Assert.True(fired >= due, $"fired {fired:o}, due {due:o}");
        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Single(await HistoryAsync("t1"), h => h.Kind == "timer-fired");
    }

    [Fact(Timeout = 150_000)]
    public async Task A_moved_timer_fires_only_at_its_new_time_and_a_cancelled_one_never()
    {
        await Client.StartAsync("moved", TimerWorkflow.WorkflowName, Json(new { days = 2 }), "cm-1", Ct);
        await Client.StartAsync("cancelled", TimerWorkflow.WorkflowName, Json(new { days = 2 }), "cm-1", Ct);
        await Client.RaiseEventAsync("moved", "move", Json(new { days = 5 }), "cm-1", null, Ct);
        await Client.RaiseEventAsync("cancelled", "cancel", null, "cm-1", null, Ct);

        await AdvanceAsync(TimeSpan.FromDays(3));
        Assert.Empty((await GetAsync("moved")).StateAs<TimerWorkflow.State>()!.FiredAt);

        await AdvanceAsync(TimeSpan.FromDays(3));
        Assert.Single((await GetAsync("moved")).StateAs<TimerWorkflow.State>()!.FiredAt);
        Assert.Empty((await GetAsync("cancelled")).StateAs<TimerWorkflow.State>()!.FiredAt);
        Assert.Equal(WorkflowStatus.Running, (await GetAsync("cancelled")).Status);
    }

    [Fact(Timeout = 150_000)]
    public async Task An_action_runs_with_a_stable_key_and_its_result_comes_back()
    {
        Notify.FailuresBeforeSuccess = 2;
        await StartReferralAsync("r1");
        Assert.Equal(["notify"], (await GetAsync("r1")).PendingActions);

        for (var i = 0; i < 6 && (await GetAsync("r1")).PendingActions.Count > 0; i++)
        {
            await AdvanceAsync(TimeSpan.FromMinutes(10));
        }

        Assert.Equal([1, 2, 3], Notify.Calls.Select(c => c.Attempt));
        Assert.All(Notify.Calls, c => Assert.Equal("r1|notify", c.IdempotencyKey));
        var read = await GetAsync("r1");
        Assert.Empty(read.PendingActions);
        Assert.False(read.NeedsAttention);
        Assert.Single(await HistoryAsync("r1"), h => h.Kind == "action-completed");
    }

    [Fact(Timeout = 150_000)]
    public async Task An_action_failing_every_attempt_flags_the_instance_and_keeps_the_message()
    {
        Notify.FailuresBeforeSuccess = int.MaxValue;
        await StartReferralAsync("r1");

        for (var i = 0; i < 20 && !(await GetAsync("r1")).NeedsAttention; i++)
        {
            await AdvanceAsync(TimeSpan.FromHours(1));
        }

        var read = await GetAsync("r1");
        Assert.Equal(Runtime.Options.MaxActionAttempts, Notify.Calls.Count);
        Assert.True(read.NeedsAttention);
        Assert.Contains($"failed after {Runtime.Options.MaxActionAttempts} attempts", read.AttentionReason, StringComparison.Ordinal);
        Assert.Empty(read.PendingActions);
        Assert.Single(await HistoryAsync("r1"), h => h.Kind == "action-failed");
        Assert.Single(await Poison.PeekAsync(10, Ct));
        Assert.Equal(["r1"], (await Client.ListNeedingAttentionAsync(null, 10, Ct)).Instances.Select(i => i.InstanceId));
    }

    [Fact(Timeout = 150_000)]
    public async Task A_message_that_always_fails_is_set_aside_after_the_maximum_receives()
    {
        await StartReferralAsync("r1");
        await PumpAsync();
        await Client.EnqueueEventAsync("r1", "explode", null, "partner:p1", "boom-1", Ct);

        for (var i = 0; i < 20 && !(await GetAsync("r1")).NeedsAttention; i++)
        {
            await AdvanceAsync(TimeSpan.FromMinutes(10));
        }

        var read = await GetAsync("r1");
        Assert.True(read.NeedsAttention);
        Assert.Contains("failed 5 times", read.AttentionReason, StringComparison.Ordinal);
        var kept = Assert.Single(await Poison.PeekAsync(10, Ct));
        Assert.Contains("boom-1", kept.Text, StringComparison.Ordinal);
        Assert.Equal("sent", read.CustomStatus);
    }

    [Fact(Timeout = 150_000)]
    public async Task A_child_runs_in_its_parents_partition_and_reports_its_end()
    {
        await Client.StartAsync("c1", CaseWorkflow.WorkflowName, null, "cm-1", Ct);
        await Client.RaiseEventAsync("c1", "refer", Json(new { suffix = "r1" }), "cm-1", null, Ct);

        var family = await Client.ListPartitionAsync("c1", Ct);
        Assert.Equal(["c1", "c1:r1"], family.Select(i => i.InstanceId));
        Assert.Equal("c1", family[1].ParentId);
        Assert.Equal("sent", family[1].CustomStatus);

        await PumpAsync();
        await Client.RaiseEventAsync("c1:r1", "accept", null, "partner:jobcenter", null, Ct);
        await Client.RaiseEventAsync("c1:r1", "done", null, "partner:jobcenter", null, Ct);
        await PumpAsync();

        Assert.Equal(WorkflowStatus.Completed, (await GetAsync("c1:r1")).Status);
        var parent = (await GetAsync("c1")).StateAs<CaseWorkflow.State>()!;
        Assert.Equal(["c1:r1"], parent.Ended);
        Assert.Empty(parent.Open);
        Assert.Single(await HistoryAsync("c1"), h => h.Kind == "child-completed");
    }

    [Fact(Timeout = 150_000)]
    public async Task Closing_a_case_withdraws_its_open_referrals()
    {
        await Client.StartAsync("c1", CaseWorkflow.WorkflowName, null, "cm-1", Ct);
        await Client.RaiseEventAsync("c1", "refer", Json(new { suffix = "a" }), "cm-1", null, Ct);
        await Client.RaiseEventAsync("c1", "refer", Json(new { suffix = "b" }), "cm-1", null, Ct);
        await PumpAsync();

        await Client.RaiseEventAsync("c1", "close", null, "cm-1", null, Ct);
        await PumpAsync();

        foreach (var child in new[] { "c1:a", "c1:b" })
        {
            var read = await GetAsync(child);
            Assert.Equal(WorkflowStatus.Completed, read.Status);
            Assert.Single(read.StateAs<ReferralWorkflow.State>()!.Withdrawals);
        }

        Assert.Equal(["c1:a", "c1:b"], (await GetAsync("c1")).StateAs<CaseWorkflow.State>()!.Ended.Order());
    }

    [Fact(Timeout = 150_000)]
    public async Task A_suspended_instance_rejects_raises_and_its_timer_waits_until_resumed()
    {
        await Client.StartAsync("t1", TimerWorkflow.WorkflowName, Json(new { days = 1 }), "cm-1", Ct);
        await Client.SuspendAsync("t1", "admin-1", "checking", Ct);

        await AdvanceAsync(TimeSpan.FromDays(2));
        var raised = await Client.RaiseEventAsync("t1", "move", Json(new { days = 1 }), "cm-1", null, Ct);

        Assert.Equal(RuntimeRejections.Suspended, raised.Rejection!.Code);
        Assert.Empty((await GetAsync("t1")).StateAs<TimerWorkflow.State>()!.FiredAt);

        await Client.ResumeAsync("t1", "admin-1", Ct);
        await PumpAsync();

        Assert.Single((await GetAsync("t1")).StateAs<TimerWorkflow.State>()!.FiredAt);
        Assert.Equal(["started", "suspended", "resumed", "timer-fired"], (await HistoryAsync("t1")).Select(h => h.Kind));
    }

    [Fact(Timeout = 150_000)]
    public async Task A_terminated_instance_rejects_events_and_drops_its_timers()
    {
        await Client.StartAsync("t1", TimerWorkflow.WorkflowName, Json(new { days = 1 }), "cm-1", Ct);

        await Client.TerminateAsync("t1", "admin-1", "opened by mistake", Ct);
        await AdvanceAsync(TimeSpan.FromDays(2));
        var raised = await Client.RaiseEventAsync("t1", "cancel", null, "cm-1", null, Ct);

        var read = await GetAsync("t1");
        Assert.Equal(WorkflowStatus.Terminated, read.Status);
        Assert.Equal(RuntimeRejections.NotRunning, raised.Rejection!.Code);
        Assert.Empty(read.StateAs<TimerWorkflow.State>()!.FiredAt);
        Assert.Empty(read.Timers);
    }

    [Fact(Timeout = 150_000)]
    public async Task Purge_deletes_the_instance_its_children_and_their_history()
    {
        await Client.StartAsync("c1", CaseWorkflow.WorkflowName, null, "cm-1", Ct);
        await Client.RaiseEventAsync("c1", "refer", Json(new { suffix = "r1" }), "cm-1", null, Ct);
        await Client.StartAsync("c2", CaseWorkflow.WorkflowName, null, "cm-1", Ct);

        var purged = await Client.PurgeAsync("c1", Ct);
        await PumpAsync();

        Assert.Equal(2, purged);
        Assert.Null(await Client.GetAsync("c1", Ct));
        Assert.Null(await Client.GetAsync("c1:r1", Ct));
        Assert.Empty((await Client.GetHistoryAsync("c1:r1", 0, 10, Ct)).Entries);
        Assert.Empty(await Client.ListPartitionAsync("c1", Ct));
        Assert.Equal(["c2"], (await Client.ListByWorkflowAsync(CaseWorkflow.WorkflowName, null, 10, Ct)).Instances.Select(i => i.InstanceId));
        Assert.NotNull(await Client.GetAsync("c2", Ct));
    }

    [Fact(Timeout = 150_000)]
    public async Task Lists_by_status_and_by_workflow_follow_the_instances()
    {
        await StartReferralAsync("r1");
        await StartReferralAsync("r2");
        await Client.StartAsync("t1", TimerWorkflow.WorkflowName, Json(new { days = 1 }), "cm-1", Ct);
        await Client.RaiseEventAsync("r2", "withdraw", null, "cm-1", null, Ct);

        var running = await Client.ListByStatusAsync(WorkflowStatus.Running, null, 10, Ct);
        var completed = await Client.ListByStatusAsync(WorkflowStatus.Completed, null, 10, Ct);
        var referrals = await Client.ListByWorkflowAsync(ReferralWorkflow.WorkflowName, null, 1, Ct);
        var more = await Client.ListByWorkflowAsync(ReferralWorkflow.WorkflowName, referrals.ContinueAfter, 1, Ct);

        Assert.Equal(["r1", "t1"], running.Instances.Select(i => i.InstanceId));
        Assert.Equal(["r2"], completed.Instances.Select(i => i.InstanceId));
        Assert.Equal(["r1"], referrals.Instances.Select(i => i.InstanceId));
        Assert.Equal(["r2"], more.Instances.Select(i => i.InstanceId));
    }

    [Fact(Timeout = 150_000)]
    public async Task A_new_version_applies_to_new_instances_and_running_ones_keep_theirs()
    {
        await StartReferralAsync("old");
        Workflows.Add(new ReferralWorkflow(version: 2));
        await StartReferralAsync("new");

        await Client.RaiseEventAsync("old", "accept", null, "cm-1", null, Ct);

        Assert.Equal(1, (await GetAsync("old")).Version);
        Assert.Equal(1, (await GetAsync("old")).StateAs<ReferralWorkflow.State>()!.Version);
        Assert.Equal(2, (await GetAsync("new")).Version);
        Assert.Equal(2, (await GetAsync("new")).StateAs<ReferralWorkflow.State>()!.Version);
    }

    [Fact(Timeout = 150_000)]
    public async Task An_instance_whose_version_is_gone_needs_attention_instead_of_crashing()
    {
        await StartReferralAsync("old");
        Workflows.Add(new ReferralWorkflow(version: 2));
        Workflows.Remove(ReferralWorkflow.WorkflowName, 1);

        var raised = await Client.RaiseEventAsync("old", "accept", null, "cm-1", null, Ct);

        Assert.Equal(RuntimeRejections.VersionMissing, raised.Rejection!.Code);
        var read = await GetAsync("old");
        Assert.True(read.NeedsAttention);
        Assert.Contains("version 1 is not registered", read.AttentionReason, StringComparison.Ordinal);
        Assert.Equal("sent", read.CustomStatus);
    }

    [Fact(Timeout = 150_000)]
    public async Task State_beyond_one_property_round_trips_and_beyond_one_row_is_refused()
    {
        await Client.StartAsync("c1", CaseWorkflow.WorkflowName, null, "cm-1", Ct);
        var big = string.Concat(Enumerable.Range(0, 30_000).Select(i => (char)('a' + (i % 26)) + "ü±"));

        await Client.RaiseEventAsync("c1", "note", Json(new { text = big }), "cm-1", null, Ct);
        var tooBig = Client.RaiseEventAsync("c1", "note", Json(new { text = new string('x', 1_100_000) }), "cm-1", null, Ct);

        Assert.Equal(big, (await GetAsync("c1")).StateAs<CaseWorkflow.State>()!.Blob);
        await Assert.ThrowsAsync<InstanceTooLargeException>(() => tooBig);
        Assert.Equal(2, (await GetAsync("c1")).Sequence);
    }

    [Fact(Timeout = 150_000)]
    public async Task An_idle_instance_with_a_30_day_timer_costs_no_store_call_between_hops()
    {
        await Client.StartAsync("t1", TimerWorkflow.WorkflowName, Json(new { days = 30 }), "cm-1", Ct);
        await PumpAsync();
        Store.Reset();
        Work.Reset();

        for (var day = 0; day < 24; day += 8)
        {
            await AdvanceAsync(TimeSpan.FromDays(8));
        }

        Assert.Equal(0, Store.Calls);
        Assert.Equal(Work.Deletes, Work.Sends);
        Assert.InRange(Work.Sends, 1, 200);
        Assert.Empty((await GetAsync("t1")).StateAs<TimerWorkflow.State>()!.FiredAt);
        await AdvanceAsync(TimeSpan.FromDays(7));
        Assert.Single((await GetAsync("t1")).StateAs<TimerWorkflow.State>()!.FiredAt);
    }

    // A hang guard, not a speed limit: at full scale on Azurite through the Azure SDK clients this
    // takes about three minutes alone on two cores, and longer beside the other storage tests.
    [Fact(Timeout = 900_000)]
    public async Task Two_dispatchers_on_one_queue_apply_every_event_exactly_once()
    {
        var (instances, events) = ConcurrencyScale;
        var ids = Enumerable.Range(0, instances).Select(i => "n" + i).ToList();
        foreach (var id in ids)
        {
            await Client.StartAsync(id, CounterWorkflow.WorkflowName, null, "cm-1", Ct);
        }

        foreach (var e in Enumerable.Range(0, events))
        {
            foreach (var id in ids)
            {
                await Client.EnqueueEventAsync(id, "inc", null, "partner:p1", $"{id}-e{e}", Ct);
                if (e % 5 == 0)
                {
                    // Delivered twice: must count once.
                    await Client.EnqueueEventAsync(id, "inc", null, "partner:p1", $"{id}-e{e}", Ct);
                }
            }
        }

        var second = Runtime.CreateDispatcher();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var loops = new[] { Dispatcher, second }.Select(d => Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                if ((await d.ProcessBatchAsync(done.Token)).Count == 0)
                {
                    await Task.Delay(20, done.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        })).ToList();

        while (true)
        {
            var counts = new List<int>();
            foreach (var id in ids)
            {
                counts.Add((await GetAsync(id)).StateAs<CounterWorkflow.State>()!.Count);
            }

            if (counts.All(c => c >= events) && await QueueLooksEmptyAsync())
            {
                break;
            }

            await Task.Delay(100, Ct);
        }

        await done.CancelAsync();
        await Task.WhenAll(loops).ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var id in ids)
        {
            var state = (await GetAsync(id)).StateAs<CounterWorkflow.State>()!;
            Assert.Equal(events, state.Count);
            Assert.Equal(events, state.Seen.Distinct().Count());
            Assert.Equal(events + 1, (await HistoryAsync(id)).Count);
        }
    }

    private async Task<bool> QueueLooksEmptyAsync() => (await Work.PeekAsync(1, Ct)).Count == 0;
}
