using Microsoft.DurableTask;

namespace Kim.Core.Orchestrations;

/// <summary>The retry policies of the activities.</summary>
public static class ClockRetry
{
    /// <summary>Attempts of an action before it counts as failed for good.</summary>
    public const int MaxActionAttempts = 5;

    /// <summary>
    /// Actions (mail, purge): 5 attempts, 10 s doubling up to 30 min, so a SendGrid or storage
    /// outage of a few minutes sends the notice late rather than never.
    /// </summary>
    public static TaskOptions Actions { get; } = TaskOptions.FromRetryPolicy(
        new RetryPolicy(MaxActionAttempts, TimeSpan.FromSeconds(10), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(30)));

    /// <summary>Reads and timer firings (storage only): 10 attempts, 1 s doubling up to 1 min.</summary>
    public static TaskOptions Records { get; } = TaskOptions.FromRetryPolicy(
        new RetryPolicy(10, TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));
}
