using Azure.Data.Tables;
using Kim.Core.Mail;
using Kim.Core.Reminders;
using Kim.Testing;
using static Kim.Storage.Tests.StorageTestKit;

namespace Kim.Storage.Tests;

/// <summary>The reminder schedule runner on Azurite, with a fake clock: each occurrence runs once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReminderTickerTests(AzuriteFixture azurite)
{
    // Monday 2 November 2026, 06:00 in Berlin (CET, UTC+1); the schedule fires daily at 07:00 Berlin time.
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 5, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SevenOClock = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);
    private static readonly ReminderSchedule Daily = ReminderSchedule.Parse("0 0 7 * * *");

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly RecordingJob _job = new();
    private TableClient? _table;

    private async Task<ReminderTicker> NewTickerAsync(IReminderJob? job = null)
    {
        if (_table is null)
        {
            _table = Tables(azurite).GetTableClient(UniqueName("schedules"));
            await _table.CreateIfNotExistsAsync(Timeout());
        }

        // Each ticker has a client of its own, as two instances of Kim would.
        var table = Tables(azurite).GetTableClient(_table.Name);
        return new ReminderTicker(Daily, table, job ?? _job, _clock);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_first_tick_starts_the_schedule_and_runs_nothing_from_before()
    {
        var ticker = await NewTickerAsync();
        Assert.Equal(ReminderTickOutcome.Started, await ticker.TickAsync(Timeout()));
        Assert.Equal(ReminderTickOutcome.NothingDue, await ticker.TickAsync(Timeout()));
        Assert.Empty(_job.Ran);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_due_occurrence_runs_once_however_often_it_is_ticked()
    {
        var ticker = await NewTickerAsync();
        await ticker.TickAsync(Timeout());
        _clock.SetUtcNow(SevenOClock - TimeSpan.FromSeconds(1));
        Assert.Equal(ReminderTickOutcome.NothingDue, await ticker.TickAsync(Timeout()));

        _clock.SetUtcNow(SevenOClock);
        Assert.Equal(ReminderTickOutcome.Ran, await ticker.TickAsync(Timeout()));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ReminderTickOutcome.NothingDue, await ticker.TickAsync(Timeout()));
        Assert.Equal(ReminderTickOutcome.NothingDue, await (await NewTickerAsync()).TickAsync(Timeout()));

        Assert.Equal(["2026-11-02T06:00:00Z"], _job.Ran.Select(o => o.Id));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 7, 0, 0, TimeSpan.FromHours(1)), _job.Ran[0].Local);
    }

    [Fact(Timeout = 30_000)]
    public async Task Two_tickers_at_the_same_moment_run_the_occurrence_once()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var job = new RecordingJob(gate.Task);
        var first = await NewTickerAsync(job);
        var second = await NewTickerAsync(job);
        await first.TickAsync(Timeout());
        _clock.SetUtcNow(SevenOClock + TimeSpan.FromSeconds(5));

        // The winner waits in the job until the gate opens, so the loser must finish first.
        var a = first.TickAsync(Timeout());
        var b = second.TickAsync(Timeout());
        var loser = await Task.WhenAny(a, b);
        Assert.Equal(ReminderTickOutcome.RunningElsewhere, await loser);
        gate.SetResult();
        Assert.Equal(ReminderTickOutcome.Ran, await (loser == a ? b : a));

        Assert.Single(job.Ran);
        Assert.Equal(ReminderTickOutcome.NothingDue, await first.TickAsync(Timeout()));
        Assert.Equal(ReminderTickOutcome.NothingDue, await second.TickAsync(Timeout()));
    }

    [Fact(Timeout = 30_000)]
    public async Task Many_tickers_at_once_run_the_occurrence_once()
    {
        var tickers = new List<ReminderTicker>();
        for (var i = 0; i < 6; i++)
        {
            tickers.Add(await NewTickerAsync());
        }

        await tickers[0].TickAsync(Timeout());
        _clock.SetUtcNow(SevenOClock);

        var outcomes = await Task.WhenAll(tickers.Select(t => Task.Run(() => t.TickAsync(Timeout()))));

        Assert.Single(outcomes, o => o == ReminderTickOutcome.Ran);
        Assert.Single(_job.Ran);
    }

    [Fact(Timeout = 30_000)]
    public async Task After_days_of_downtime_only_the_newest_missed_occurrence_runs()
    {
        var ticker = await NewTickerAsync();
        await ticker.TickAsync(Timeout());

        // Down from Monday 06:00 to Thursday 09:00: Monday, Tuesday, Wednesday and Thursday 07:00 were missed.
        _clock.SetUtcNow(Start + TimeSpan.FromDays(3) + TimeSpan.FromHours(3));
        Assert.Equal(ReminderTickOutcome.Ran, await ticker.TickAsync(Timeout()));
        Assert.Equal(ReminderTickOutcome.NothingDue, await ticker.TickAsync(Timeout()));

        Assert.Equal(["2026-11-05T06:00:00Z"], _job.Ran.Select(o => o.Id));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_failed_run_gives_the_occurrence_back_and_the_next_tick_runs_it()
    {
        var ticker = await NewTickerAsync();
        await ticker.TickAsync(Timeout());
        _clock.SetUtcNow(SevenOClock);
        _job.FailNext = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => ticker.TickAsync(Timeout()));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ReminderTickOutcome.Ran, await ticker.TickAsync(Timeout()));

        Assert.Equal(["2026-11-02T06:00:00Z", "2026-11-02T06:00:00Z"], _job.Ran.Select(o => o.Id));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_run_that_hangs_is_taken_over_once_its_claim_is_older_than_the_run_timeout()
    {
        var hang = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hangingJob = new RecordingJob(hang.Task);
        var stuck = await NewTickerAsync(hangingJob);
        var healthy = await NewTickerAsync();
        await stuck.TickAsync(Timeout());
        _clock.SetUtcNow(SevenOClock);
        var stuckTick = stuck.TickAsync(Timeout());
        await hangingJob.Started;

        Assert.Equal(ReminderTickOutcome.RunningElsewhere, await healthy.TickAsync(Timeout()));
        _clock.Advance(ReminderTicker.DefaultRunTimeout);
        Assert.Equal(ReminderTickOutcome.Ran, await healthy.TickAsync(Timeout()));
        hang.SetResult();
        Assert.Equal(ReminderTickOutcome.Ran, await stuckTick); // its progress write loses; it logs the take-over
        Assert.Equal(ReminderTickOutcome.NothingDue, await healthy.TickAsync(Timeout()));

        Assert.Equal(["2026-11-02T06:00:00Z"], _job.Ran.Select(o => o.Id));
        Assert.Equal(["2026-11-02T06:00:00Z"], hangingJob.Ran.Select(o => o.Id));
    }

    private sealed class RecordingJob(Task? gate = null) : IReminderJob
    {
        private readonly Lock _lock = new();
        private readonly List<ReminderOccurrence> _ran = [];
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool FailNext { get; set; }

        public Task Started => _started.Task;

        public IReadOnlyList<ReminderOccurrence> Ran
        {
            get
            {
                lock (_lock)
                {
                    return [.. _ran];
                }
            }
        }

        public async Task RunAsync(ReminderOccurrence occurrence, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                _ran.Add(occurrence);
            }

            _started.TrySetResult();
            if (gate is not null)
            {
                await gate.WaitAsync(cancellationToken);
            }

            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("The job failed.");
            }
        }
    }
}
