using Kim.Core.Runtime;

namespace Kim.Core.Storage.Runtime;

/// <summary>
/// The work queue (or the poison queue) on Azure Queue Storage. Message text is the plain work JSON
/// (the Functions host reads it with <c>messageEncoding: none</c>). Delays are rounded up to whole
/// seconds, so a message is never visible earlier than asked.
/// </summary>
public sealed class QueueWorkQueue(QueueClient queue) : IWorkQueue
{
    public TimeSpan MaxVisibilityDelay => QueueClient.MaxVisibilityTimeout;

    public async Task SendAsync(string text, TimeSpan visibilityDelay, CancellationToken cancellationToken) =>
        await queue.SendMessageAsync(text, visibilityDelay, cancellationToken);

    public async Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var received = await queue.ReceiveMessagesAsync(Math.Clamp(maxMessages, 1, 32), visibilityTimeout, cancellationToken);
        return [.. received.Select(m => new QueuedMessage(m.MessageId, m.PopReceipt, m.MessageText, (int)m.DequeueCount))];
    }

    public Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }

    public async Task UpdateVisibilityAsync(QueuedMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout, cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<QueuedMessage>> PeekAsync(int maxMessages, CancellationToken cancellationToken)
    {
        var peeked = await queue.PeekMessagesAsync(Math.Clamp(maxMessages, 1, 32), cancellationToken);
        return [.. peeked.Select(m => new QueuedMessage(m.MessageId, "", m.MessageText, (int)m.DequeueCount))];
    }
}
