using Kim.Core.Records;
using Microsoft.DurableTask;

namespace Kim.Core.Orchestrations;

/// <summary>
/// Runs a record's pending action (a notice, a purge) with its stable idempotency key and records
/// the result (<see cref="RecordClock.RunActionAsync"/>). A failure throws, so the caller's retry
/// policy (<see cref="ClockRetry.Actions"/>) tries again.
/// </summary>
/// <param name="records">The records.</param>
public sealed class RunActionActivity(RecordKeeper records) : TaskActivity<ActionDue, ClockOutcome>
{
    /// <inheritdoc />
    public override Task<ClockOutcome> RunAsync(TaskActivityContext context, ActionDue input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return records.Clock.RunActionAsync(input.RecordId, input.ActionId, input.Generation, attempt: 1);
    }
}
