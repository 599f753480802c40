using Kim.Core.Records;
using Microsoft.DurableTask;

namespace Kim.Core.Orchestrations;

/// <summary>
/// Fires a record's timer through its workflow (<see cref="RecordClock.FireTimerAsync"/>):
/// once per generation, never before the app's clock reaches the due time.
/// </summary>
/// <param name="records">The records.</param>
public sealed class FireTimerActivity(RecordKeeper records) : TaskActivity<TimerDue, ClockOutcome>
{
    /// <inheritdoc />
    public override Task<ClockOutcome> RunAsync(TaskActivityContext context, TimerDue input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return records.Clock.FireTimerAsync(input.RecordId, input.TimerId, input.Generation, input.DueAt);
    }
}
