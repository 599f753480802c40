using Microsoft.Extensions.Logging;

namespace Kim.Core.Runtime;

/// <summary>
/// The standalone driver of the work queue (what the Functions host does under Azure Functions):
/// receives in batches, processes with bounded concurrency through the one <see cref="WorkItemHandler"/>,
/// backs off exponentially while the queue is empty, and drains the work in flight on shutdown.
/// </summary>
public sealed class WorkDispatcher(
    IWorkQueue queue,
    WorkItemHandler handler,
    WorkflowRuntimeOptions options,
    TimeProvider timeProvider,
    ILogger logger)
{
    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled, then waits for the messages in flight.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        logger.DispatcherStarted();
        using var slots = new SemaphoreSlim(options.MaxConcurrency);
        var inFlight = new List<Task>();
        var idleDelay = options.MinIdleDelay;
        var drained = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                IReadOnlyList<QueuedMessage> batch;
                try
                {
                    var free = Math.Max(1, Math.Min(options.BatchSize, slots.CurrentCount));
                    batch = await queue.ReceiveAsync(free, options.VisibilityTimeout, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception exception)
                {
                    logger.ReceiveFailed(exception);
                    batch = [];
                }

                if (batch.Count == 0)
                {
                    try
                    {
                        await Task.Delay(idleDelay, timeProvider, stoppingToken);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }

                    idleDelay = TimeSpan.FromTicks(Math.Min(idleDelay.Ticks * 2, options.MaxIdleDelay.Ticks));
                    continue;
                }

                idleDelay = options.MinIdleDelay;
                foreach (var message in batch)
                {
                    // Work in flight is not cancelled by shutdown: it finishes, then the loop ends.
                    await slots.WaitAsync(CancellationToken.None);
                    inFlight.Add(RunOneAsync(message, slots));
                }

                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }
        finally
        {
            drained = inFlight.Count(t => !t.IsCompleted);
            await Task.WhenAll(inFlight);
            logger.DispatcherStopped(drained);
        }
    }

    /// <summary>Receives one batch and processes it (tests pump with this); returns the outcomes.</summary>
    public async Task<IReadOnlyList<WorkOutcome?>> ProcessBatchAsync(CancellationToken cancellationToken)
    {
        var batch = await queue.ReceiveAsync(options.BatchSize, options.VisibilityTimeout, cancellationToken);
        var outcomes = new List<WorkOutcome?>();
        foreach (var message in batch)
        {
            outcomes.Add(await ProcessAsync(message, cancellationToken));
        }

        return outcomes;
    }

    /// <summary>Processes one received message; null when it failed and will be seen again.</summary>
    public async Task<WorkOutcome?> ProcessAsync(QueuedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        WorkOutcome outcome;
        try
        {
            outcome = await handler.HandleAsync(message.Text, message.DequeueCount, cancellationToken);
        }
        catch (Exception exception)
        {
            logger.WorkFailed(exception, message.MessageId, message.DequeueCount);
            try
            {
                await queue.UpdateVisibilityAsync(message, options.AbandonBackoff(message.DequeueCount), CancellationToken.None);
            }
            catch (Exception updateFailure)
            {
                // The message reappears when its visibility timeout ends anyway.
                logger.WorkFailed(updateFailure, message.MessageId, message.DequeueCount);
            }

            return null;
        }

        try
        {
            await queue.DeleteAsync(message, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The message comes back; the handler then finds its work done (duplicate or stale).
            logger.WorkFailed(exception, message.MessageId, message.DequeueCount);
        }

        return outcome;
    }

    private async Task RunOneAsync(QueuedMessage message, SemaphoreSlim slots)
    {
        try
        {
            await ProcessAsync(message, CancellationToken.None);
        }
        finally
        {
            slots.Release();
        }
    }
}
