using Kim.Core.Orchestrations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Kim.Functions.Durable;

/// <summary>
/// Kim's orchestrators (<see cref="KimOrchestrations.Register"/>) as orchestrator functions under
/// their class names, the names <see cref="ClockOwnership"/> starts them by. Without the Durable
/// source generators each is a one-line wrapper (PLATFORM.md).
/// </summary>
public static class OrchestratorFunctions
{
    [Function(nameof(CaseClockOrchestrator))]
    public static Task<string> CaseClock([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new CaseClockOrchestrator().RunAsync(context, Input(context));

    [Function(nameof(ReferralOrchestrator))]
    public static Task<string> Referral([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ReferralOrchestrator().RunAsync(context, Input(context));

    [Function(nameof(HandoverOrchestrator))]
    public static Task<string> Handover([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new HandoverOrchestrator().RunAsync(context, Input(context));

    [Function(nameof(FollowUpOrchestrator))]
    public static Task<string> FollowUp([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new FollowUpOrchestrator().RunAsync(context, Input(context));

    private static ClockInput Input(TaskOrchestrationContext context) =>
        context.GetInput<ClockInput>() ?? throw new InvalidOperationException($"{context.Name} ({context.InstanceId}) was started without its input.");
}
