using Kim.Api.Reminders;
using Kim.Api.Tests.Mail;
using Kim.Core.Mail;
using Kim.Core.Reminders;
using Kim.Core.Storage;
using Kim.Testing;

namespace Kim.Api.Tests.Reminders;

/// <summary>The standalone driver sleeps on the clock until the next occurrence, then ticks.</summary>
public sealed class StandaloneReminderServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Waiting = 4121;

    [Fact(Timeout = 60_000)]
    public async Task The_driver_runs_each_occurrence_when_it_is_due_without_polling()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 5, 59, 0, TimeSpan.Zero)); // 06:59 in Berlin
        var table = StorageAccount.Parse(azurite.ConnectionString).CreateTableServiceClient().GetTableClient("schedules" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        var job = new SignallingJob();
        var ticker = new ReminderTicker(ReminderSchedule.Parse("0 0 7 * * *"), table, job, clock);
        var logger = new EventLogger<StandaloneReminderService>();
        using var service = new StandaloneReminderService(ticker, clock, logger);

        await service.StartAsync(CancellationToken.None);
        await logger.WaitForAsync(Waiting); // started the schedule, now waiting for 07:00
        Assert.Empty(job.Ran);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("2026-11-02T06:00:00Z", (await job.NextAsync()).Id);
        await logger.WaitForAsync(Waiting, times: 2); // waiting for tomorrow's 07:00

        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("2026-11-03T06:00:00Z", (await job.NextAsync()).Id);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(2, job.Ran.Count);
    }

    private sealed class SignallingJob : IReminderJob
    {
        private readonly Lock _lock = new();
        private readonly List<ReminderOccurrence> _ran = [];
        private readonly Queue<TaskCompletionSource<ReminderOccurrence>> _signals = new();
        private int _taken;

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

        /// <summary>The next occurrence the job runs (in order), once it has run.</summary>
        public Task<ReminderOccurrence> NextAsync()
        {
            lock (_lock)
            {
                var index = _taken++;
                while (_signals.Count <= index)
                {
                    _signals.Enqueue(new TaskCompletionSource<ReminderOccurrence>(TaskCreationOptions.RunContinuationsAsynchronously));
                }

                return _signals.ElementAt(index).Task;
            }
        }

        public Task RunAsync(ReminderOccurrence occurrence, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                _ran.Add(occurrence);
                while (_signals.Count < _ran.Count)
                {
                    _signals.Enqueue(new TaskCompletionSource<ReminderOccurrence>(TaskCreationOptions.RunContinuationsAsynchronously));
                }

                _signals.ElementAt(_ran.Count - 1).TrySetResult(occurrence);
            }

            return Task.CompletedTask;
        }
    }
}
