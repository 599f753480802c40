using Kim.Core.Orchestrations;
using Kim.Core.Reminders;
using Kim.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Kim.Functions.Schedules;

/// <summary>
/// The drivers Kim.Standalone runs as hosted services, on the host's timers. Both timers tick
/// every minute in UTC: Linux plans ignore <c>WEBSITE_TIME_ZONE</c>, so the host never evaluates
/// Kim's Berlin-time schedule; Kim does (docs/mail.md).
/// </summary>
/// <param name="ticker">Runs the reminder schedule (<c>Kim__Reminders__Schedule</c>, Europe/Berlin).</param>
/// <param name="waker">Wakes orchestrations whose wake-up a crash lost.</param>
/// <param name="instancePurge">Purges the Durable instances of deleted cases, waking those that still run so that they end.</param>
public sealed class ScheduleFunctions(ReminderTicker ticker, ClockWaker waker, CaseInstancePurge instancePurge)
{
    /// <summary>Every minute (UTC): the ticker runs the digest when a Berlin-time occurrence is due, once however many instances tick.</summary>
    [Function("ReminderDigest")]
    public Task ReminderDigest([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        ticker.TickAsync(cancellationToken);

    /// <summary>
    /// Every minute (UTC), half a minute after the digest: the orchestrations' upkeep, as
    /// Standalone's <c>ClockMaintenance</c> service: the sweep of the wake-up outbox
    /// (<see cref="ClockWaker.SweepAsync"/>), through which the retention purge and every other timer
    /// of a record reach their orchestration even after a crash, and the purge of deleted cases'
    /// instances (<see cref="CaseInstancePurge.SweepAsync"/>).
    /// </summary>
    [Function("ClockMaintenance")]
    public Task ClockMaintenance([TimerTrigger("30 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        InvocationDurableClient.RunAsync(durable, async () =>
        {
            await waker.SweepAsync(ClockWaker.SweepInterval, cancellationToken);
            await instancePurge.SweepAsync(cancellationToken);
        });
}
