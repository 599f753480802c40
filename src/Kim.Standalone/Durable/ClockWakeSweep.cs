using Kim.Core.Orchestrations;

namespace Kim.Standalone.Durable;

/// <summary>
/// Wakes the orchestrations whose wake-up a crash lost between a record's commit and the wake
/// (<see cref="ClockWaker.SweepAsync"/>): once at start, then every minute, for outbox rows at
/// least a minute old. Its cost is one query of one partition per minute.
/// </summary>
/// <param name="waker">The waker and its outbox.</param>
/// <param name="time">The app's clock.</param>
/// <param name="logger">Logs a sweep that failed (it is tried again a minute later).</param>
internal sealed partial class ClockWakeSweep(ClockWaker waker, TimeProvider time, ILogger<ClockWakeSweep> logger) : BackgroundService
{
    /// <summary>How old an outbox row must be before the sweep wakes it, and how often it looks.</summary>
    public static readonly TimeSpan Interval = ClockWaker.SweepInterval;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await waker.SweepAsync(Interval, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSweepFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 1131, Level = LogLevel.Warning, Message = "The sweep of the orchestration wake-up outbox failed; it runs again in a minute")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
