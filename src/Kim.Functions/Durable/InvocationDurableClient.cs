using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;

namespace Kim.Functions.Durable;

/// <summary>
/// The <see cref="DurableTaskClient"/> service of the worker. Under the Functions host a client
/// exists only as a function's <c>[DurableClient]</c> binding, while Kim's services (the
/// <c>ClockWaker</c> after every commit, the orchestration administration) take one from the
/// container, as in Kim.Standalone. This client forwards every call to the binding of the
/// invocation that is running (<see cref="RunAsync"/>); outside one it throws.
/// </summary>
public sealed class InvocationDurableClient() : DurableTaskClient("kim")
{
    private static readonly AsyncLocal<DurableTaskClient?> Bound = new();

    /// <summary>
    /// Runs <paramref name="work"/> with <paramref name="client"/> as the client of this
    /// invocation; the binding ends with the returned task (an async method's local values do not
    /// flow back to its caller).
    /// </summary>
    public static async Task RunAsync(DurableTaskClient client, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(work);
        Bound.Value = client;
        await work();
    }

    /// <inheritdoc cref="RunAsync(DurableTaskClient, Func{Task})"/>
    public static async Task<T> RunAsync<T>(DurableTaskClient client, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(work);
        Bound.Value = client;
        return await work();
    }

    /// <summary>The client bound to the running invocation.</summary>
    /// <exception cref="InvalidOperationException">No invocation bound one: the function lacks its <c>[DurableClient]</c> parameter.</exception>
    public static DurableTaskClient Current => Bound.Value
        ?? throw new InvalidOperationException("No Durable client is bound to this invocation: give the function a [DurableClient] parameter and run it through InvocationDurableClient.RunAsync.");

    /// <inheritdoc />
    public override DurableEntityClient Entities => Current.Entities;

    /// <inheritdoc />
    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        Current.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);

    /// <inheritdoc />
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        Current.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Current.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    /// <inheritdoc />
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Current.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);

    /// <inheritdoc />
    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Current.TerminateInstanceAsync(instanceId, options, cancellation);

    /// <inheritdoc />
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Current.SuspendInstanceAsync(instanceId, reason, cancellation);

    /// <inheritdoc />
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Current.ResumeInstanceAsync(instanceId, reason, cancellation);

    /// <inheritdoc />
    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        Current.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    /// <inheritdoc />
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Current.GetAllInstancesAsync(filter);

    /// <inheritdoc />
    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Current.PurgeInstanceAsync(instanceId, options, cancellation);

    /// <inheritdoc />
    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        Current.PurgeAllInstancesAsync(filter, options, cancellation);

    /// <inheritdoc />
    public override Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default) =>
        Current.RestartAsync(instanceId, restartWithNewInstanceId, cancellation);

    /// <inheritdoc />
    public override Task RewindInstanceAsync(string instanceId, string reason, CancellationToken cancellation = default) =>
        Current.RewindInstanceAsync(instanceId, reason, cancellation);

    /// <summary>Nothing to release: the bound clients belong to the Durable extension.</summary>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
