using Kim.Core.Orchestrations;

namespace Kim.Standalone.Durable;

/// <summary>
/// The orchestrations' upkeep, once at start and then every minute of the app's clock:
/// wakes what a crash left in the wake-up outbox between a record's commit and the wake
/// (<see cref="ClockWaker.SweepAsync"/>, for rows at least a minute old), and purges the Durable
/// instances of deleted cases, waking those that still run so that they end
/// (<see cref="CaseInstancePurge.SweepAsync"/>).
/// Its cost is one query of each of the two tables' single partitions per minute.
/// </summary>
/// <param name="waker">The waker and its outbox.</param>
/// <param name="instancePurge">The purge of deleted cases' instances and its marks.</param>
/// <param name="time">The app's clock.</param>
/// <param name="logger">Logs a sweep that failed (it is tried again a minute later).</param>
internal sealed partial class ClockMaintenance(ClockWaker waker, CaseInstancePurge instancePurge, TimeProvider time, ILogger<ClockMaintenance> logger) : BackgroundService
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
                await instancePurge.SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSweepFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 1131, Level = LogLevel.Warning, Message = "The orchestrations' upkeep (wake-up outbox, purge of deleted cases' instances) failed; it runs again in a minute")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
