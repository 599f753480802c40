using Microsoft.DurableTask;

namespace Kim.Core.Orchestrations;

/// <summary>
/// One referral, instance <c>{caseId}:r-1</c>: announces it to the partner
/// (<c>notify-partner-referral</c>), waits for the partner's answer or the timer
/// <c>partner-response</c> (then reminds the partner, <c>remind-partner</c>, and tells the case
/// manager), after an acceptance waits for <c>client-arrival</c> (the arrival check), and ends with
/// the outcome. The answer itself arrives as an HTTP command on the referral record; this
/// orchestration only keeps its time (<see cref="Workflows.ReferralWorkflow"/> decides).
/// </summary>
public sealed class ReferralOrchestrator : TaskOrchestrator<ClockInput, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskOrchestrationContext context, ClockInput input) => ClockCycle.RunAsync(context, input);
}
