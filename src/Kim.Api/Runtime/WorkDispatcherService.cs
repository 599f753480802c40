using Kim.Core.Runtime;

namespace Kim.Api.Runtime;

/// <summary>
/// The standalone queue poller: runs <see cref="WorkDispatcher.RunAsync"/> until the host stops,
/// which then waits for the messages in flight.
/// </summary>
internal sealed class WorkDispatcherService(WorkflowRuntime runtime) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => runtime.CreateDispatcher().RunAsync(stoppingToken);
}
