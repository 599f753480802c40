using Microsoft.DurableTask;

namespace Kim.Core.Orchestrations;

/// <summary>
/// The case's own clock, instance <c>{caseId}</c>: the timers <c>first-contact</c>,
/// <c>support-plan</c>, <c>plan-review</c>, <c>no-contact</c>, <c>residence-document-expiry:{date}</c>,
/// <c>benefit-period-expiry:{date}</c>, <c>maximum-duration</c> and, after closure, <c>purge</c>
/// (retention); the actions are the case manager's notices (<c>notify-case-manager</c>) and the
/// purge (<c>purge-case</c>). Intervals are settings per district and municipality
/// (<see cref="Workflows.TimingOptions"/>); what each firing does is <see cref="Workflows.CaseWorkflow"/>'s decision.
/// </summary>
public sealed class CaseClockOrchestrator : TaskOrchestrator<ClockInput, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskOrchestrationContext context, ClockInput input) => ClockCycle.RunAsync(context, input);
}
