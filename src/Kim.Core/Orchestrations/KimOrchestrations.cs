using Microsoft.DurableTask;

namespace Kim.Core.Orchestrations;

/// <summary>Every orchestrator and activity of Kim, for both hosts' Durable Task workers.</summary>
public static class KimOrchestrations
{
    /// <summary>Adds Kim's orchestrators and activities to a worker's registry (activities resolve their services from DI).</summary>
    /// <param name="registry">The worker's registry.</param>
    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<CaseClockOrchestrator>();
        registry.AddOrchestrator<ReferralOrchestrator>();
        registry.AddOrchestrator<HandoverOrchestrator>();
        registry.AddOrchestrator<FollowUpOrchestrator>();
        registry.AddActivity<ReadClockActivity>();
        registry.AddActivity<FireTimerActivity>();
        registry.AddActivity<RunActionActivity>();
        registry.AddActivity<FailActionActivity>();
    }
}
