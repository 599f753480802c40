using Microsoft.DurableTask;

namespace Kim.Core.Orchestrations;

/// <summary>
/// One handover between legal domains, instance <c>{caseId}:h-1</c>: each step's notice 3 working
/// days ahead (<c>step:{step}:notice</c>) and its deadline (<c>step:{step}:due</c>), the target date
/// (<c>target</c>) and the hard deadline (<c>hard-deadline</c>: to the case manager and the
/// coordinators, <c>notify-hard-deadline-missed</c>). <see cref="Workflows.HandoverWorkflow"/> decides.
/// </summary>
public sealed class HandoverOrchestrator : TaskOrchestrator<ClockInput, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskOrchestrationContext context, ClockInput input) => ClockCycle.RunAsync(context, input);
}
