using Kim.Core.Orchestrations;
using Kim.Core.Records;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Kim.Functions.Durable;

/// <summary>
/// Kim's activities (<see cref="KimOrchestrations.Register"/>) as activity functions under their
/// class names, the names the orchestrators call them by. The classes stay in Kim.Core: beside an
/// <c>[ActivityTrigger]</c> of the same name the Durable analyzer crashes (PLATFORM.md). An activity
/// commits to a record, and a commit may wake orchestrations: hence the Durable client.
/// </summary>
/// <param name="records">The records the activities read and change.</param>
/// <param name="instancePurge">Marks the case of a record found gone (<see cref="ReadClockActivity"/>).</param>
public sealed class ActivityFunctions(RecordKeeper records, CaseInstancePurge instancePurge)
{
    [Function(nameof(ReadClockActivity))]
    public Task<ClockView> ReadClock([ActivityTrigger] ClockRead input, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        InvocationDurableClient.RunAsync(durable, () => new ReadClockActivity(records, instancePurge).RunAsync(FunctionActivityContext.Of(context), input));

    [Function(nameof(FireTimerActivity))]
    public Task<ClockOutcome> FireTimer([ActivityTrigger] TimerDue input, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        InvocationDurableClient.RunAsync(durable, () => new FireTimerActivity(records).RunAsync(FunctionActivityContext.Of(context), input));

    [Function(nameof(RunActionActivity))]
    public Task<ClockOutcome> RunAction([ActivityTrigger] ActionDue input, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        InvocationDurableClient.RunAsync(durable, () => new RunActionActivity(records).RunAsync(FunctionActivityContext.Of(context), input));

    [Function(nameof(FailActionActivity))]
    public Task<ClockOutcome> FailAction([ActivityTrigger] ActionFailure input, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        InvocationDurableClient.RunAsync(durable, () => new FailActionActivity(records).RunAsync(FunctionActivityContext.Of(context), input));

    [Function(nameof(MarkAttentionActivity))]
    public Task<bool> MarkAttention([ActivityTrigger] AttentionNote input, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        InvocationDurableClient.RunAsync(durable, () => new MarkAttentionActivity(records).RunAsync(FunctionActivityContext.Of(context), input));
}
