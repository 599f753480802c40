using Kim.Core.Records;
using Microsoft.DurableTask;

namespace Kim.Core.Orchestrations;

/// <summary>
/// Records that an action failed for good: its workflow hears of it and the record is flagged as
/// needing attention with the reason (<see cref="RecordClock.FailActionAsync"/>).
/// </summary>
/// <param name="records">The records.</param>
public sealed class FailActionActivity(RecordKeeper records) : TaskActivity<ActionFailure, ClockOutcome>
{
    /// <inheritdoc />
    public override Task<ClockOutcome> RunAsync(TaskActivityContext context, ActionFailure input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return records.Clock.FailActionAsync(input.RecordId, input.ActionId, input.Generation, input.Error, input.Attempts);
    }
}
