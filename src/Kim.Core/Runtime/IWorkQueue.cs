namespace Kim.Core.Runtime;

/// <summary>
/// The port of the work queue (and of the poison queue): Azure Queue Storage in production, an
/// in-memory queue whose visibility follows a <see cref="TimeProvider"/> in unit tests.
/// </summary>
public interface IWorkQueue
{
    /// <summary>The longest a message can stay hidden (7 days on Azure Queue Storage).</summary>
    TimeSpan MaxVisibilityDelay { get; }

    Task SendAsync(string text, TimeSpan visibilityDelay, CancellationToken cancellationToken);

    /// <summary>Takes up to <paramref name="maxMessages"/> visible messages and hides them for <paramref name="visibilityTimeout"/>.</summary>
    Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken);

    /// <summary>Hides a received message again for <paramref name="visibilityTimeout"/>; its dequeue count stays.</summary>
    Task UpdateVisibilityAsync(QueuedMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>Visible messages, without taking them (for inspection of the poison queue).</summary>
    Task<IReadOnlyList<QueuedMessage>> PeekAsync(int maxMessages, CancellationToken cancellationToken);
}

/// <summary>A received message; <see cref="DequeueCount"/> counts the times it was received, this one included.</summary>
public sealed record QueuedMessage(string MessageId, string PopReceipt, string Text, int DequeueCount);
