namespace Kim.Standalone.Durable;

/// <summary>
/// The lifetime of the Durable Task sidecar's host: it listens to no signal. The default console
/// lifetime would stop the sidecar on Ctrl+C at the same moment as the app, while the worker still
/// talks to it; the app's <see cref="DurableSidecar"/> stops it instead, after the worker.
/// </summary>
internal sealed class SidecarLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
