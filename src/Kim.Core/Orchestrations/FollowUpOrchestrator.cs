using Microsoft.DurableTask;

namespace Kim.Core.Orchestrations;

/// <summary>
/// One follow-up (Wiedervorlage) of a case, instance <c>{caseId}:f-1</c>: waits for the timer
/// <c>followup:f-1</c> of the case record and runs the notice its firing asks for
/// (<c>notify:followup:f-1:{due}</c>). It reads the case record, as the follow-up lives there.
/// </summary>
public sealed class FollowUpOrchestrator : TaskOrchestrator<ClockInput, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskOrchestrationContext context, ClockInput input) => ClockCycle.RunAsync(context, input);
}
