using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Api.Tests.Durable;

/// <summary>
/// A test orchestration that uses what Kim's orchestrations will: an activity, a durable timer and an
/// external event (<see cref="ApprovalEvent"/>, a string).
/// </summary>
public sealed class GreetingOrchestrator : TaskOrchestrator<GreetingRequest, GreetingResult>
{
    public const string ApprovalEvent = "approval";

    /// <summary>Adds this orchestration and its activity to the app's worker, next to Kim's own.</summary>
    public static void AddTo(IServiceCollection services) =>
        services.AddDurableTaskWorker(worker => worker.AddTasks(registry =>
        {
            registry.AddOrchestrator<GreetingOrchestrator>();
            registry.AddActivity<GreetActivity>();
        }));

    public override async Task<GreetingResult> RunAsync(TaskOrchestrationContext context, GreetingRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var greeting = await context.CallActivityAsync<string>(nameof(GreetActivity), input.Name);
        var beforeTimer = context.CurrentUtcDateTime;
        if (input.TimerSeconds > 0)
        {
            await context.CreateTimer(TimeSpan.FromSeconds(input.TimerSeconds), CancellationToken.None);
        }

        var timerSeconds = (context.CurrentUtcDateTime - beforeTimer).TotalSeconds;
        var approval = await context.WaitForExternalEvent<string>(ApprovalEvent);
        return new GreetingResult(greeting, approval, timerSeconds);
    }
}
