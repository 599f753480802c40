using Kim.Core.Reminders;

namespace Kim.Api.Reminders;

/// <summary>
/// Drives the reminder schedule when no Functions host ticks it with a timer (scripts/run.sh, App
/// Service, containers): ticks once at start, then sleeps on the <see cref="TimeProvider"/> until
/// the next occurrence is due, ticks, and so on. Off with <c>Kim__Reminders__Standalone=false</c>,
/// the default under Kim.Functions (the host's timer drives it there). Several instances may
/// run it: the ticker's ETag-guarded progress lets one of them run each occurrence.
/// </summary>
internal sealed partial class StandaloneReminderService(
    ReminderTicker ticker, TimeProvider timeProvider, ILogger<StandaloneReminderService> logger) : BackgroundService
{
    /// <summary>After a failed tick, or while another instance runs an occurrence, look again this soon.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    /// <summary>The longest single wait (Task.Delay allows at most ~49 days); a longer one is waited in parts.</summary>
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var outcome = await ticker.TickAsync(stoppingToken);
                var now = timeProvider.GetUtcNow();
                var next = ticker.Schedule.Next(now);
                wait = next is { } due ? due.Instant - now : MaxWait;
                if (outcome == ReminderTickOutcome.RunningElsewhere && wait > RetryAfter)
                {
                    wait = RetryAfter; // take the occurrence over if the other run crashed
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogTickFailed(logger, RetryAfter, exception);
                wait = RetryAfter;
            }

            wait = TimeSpan.FromTicks(Math.Clamp(wait.Ticks, 0, MaxWait.Ticks));

            // The timer is created before the log line, so whoever reads the line (a test moving a
            // fake clock) finds the wait already armed.
            var delay = Task.Delay(wait, timeProvider, stoppingToken);
            LogWaiting(logger, wait);
            try
            {
                await delay;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 4120, Level = LogLevel.Error, Message = "Reminder tick failed; trying again in {Wait}.")]
    private static partial void LogTickFailed(ILogger logger, TimeSpan wait, Exception exception);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Debug, Message = "Next reminder tick in {Wait}.")]
    internal static partial void LogWaiting(ILogger logger, TimeSpan wait);
}
