using DurableTask.AzureStorage;
using DurableTask.Core;

namespace Kim.Standalone.Durable;

/// <summary>
/// The task hub's <see cref="AzureStorageOrchestrationService"/> as the sidecar's dispatchers see it
/// (registered as their <see cref="IOrchestrationService"/>; the sidecar's client API gets the
/// service itself), with a stop that Kim can await. The package starts the backend when the worker
/// first connects and stops it from a host-lifetime callback that nobody awaits, after waiting for
/// the work items it sent to the worker: a process ending on Ctrl+C exits before that and leaves its
/// partition leases taken, so that the next Kim waits for them to expire (up to a minute).
/// <see cref="StopAsync()"/> is one shared stop instead: it waits for a start under way, stops the
/// backend once, forced (the worker, which would finish the work items, has stopped already), and
/// never lets a start follow it.
/// </summary>
internal sealed class SidecarTaskHub(AzureStorageOrchestrationService service) : IOrchestrationService
{
    private readonly Lock _gate = new();
    private Task? _start;
    private Task? _stop;

    public int TaskOrchestrationDispatcherCount => service.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => service.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => service.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => service.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => service.MaxConcurrentTaskActivityWorkItems;

    /// <summary>Starts the backend, once; after a stop, not at all.</summary>
    public Task StartAsync()
    {
        lock (_gate)
        {
            return _stop is null ? _start ??= service.StartAsync() : Task.CompletedTask;
        }
    }

    /// <summary>Stops the backend once, forced, after a start under way; every caller awaits the same stop.</summary>
    public Task StopAsync()
    {
        lock (_gate)
        {
            return _stop ??= StopStartedAsync(_start);
        }
    }

    /// <inheritdoc cref="StopAsync()"/>
    public Task StopAsync(bool isForced) => StopAsync();

    public Task CreateAsync() => service.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => service.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => service.CreateIfNotExistsAsync();

    public Task DeleteAsync() => service.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => service.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        service.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => service.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => service.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        service.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) =>
        service.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        service.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) =>
        service.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) =>
        service.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        service.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        service.RenewTaskActivityWorkItemLockAsync(workItem);

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        service.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) =>
        service.AbandonTaskActivityWorkItemAsync(workItem);

    private async Task StopStartedAsync(Task? start)
    {
        // Leave the lock before the backend's cancellation callbacks run.
        await Task.Yield();
        if (start is null)
        {
            return;
        }

        await start;
        await service.StopAsync(isForced: true);
    }
}
