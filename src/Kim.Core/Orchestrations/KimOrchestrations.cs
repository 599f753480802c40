using Microsoft.DurableTask;

namespace Kim.Core.Orchestrations;

/// <summary>
/// Every orchestrator and activity of Kim, registered in one place so that both hosts run the same
/// set: Kim.Standalone passes <see cref="Register"/> to its Durable Task worker
/// (<c>AddDurableTaskWorker(b => b.AddTasks(KimOrchestrations.Register))</c>), and a test compares it
/// with the functions of the Functions host (ARCHITECTURE.md, "Two hosts, one app").
/// </summary>
public static class KimOrchestrations
{
    /// <summary>
    /// Adds Kim's orchestrators and activities (one <c>TaskOrchestrator&lt;TIn,TOut&gt;</c> or
    /// <c>TaskActivity&lt;TIn,TOut&gt;</c> class each; activities resolve their services from DI) to
    /// <paramref name="registry"/>.
    /// </summary>
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
        registry.AddActivity<MarkAttentionActivity>();
    }
}
