using Azure.Storage.Queues;
using Kim.Core.Runtime;

namespace Kim.Core.Storage.Runtime;

/// <summary>
/// The work queue (or the poison queue) on Azure Queue Storage. Message text is the plain work JSON
/// (the client sends it without Base64, and the Functions host reads it with <c>messageEncoding: none</c>).
/// Messages never expire (time-to-live -1): a delayed one would otherwise have to outlive its delay.
/// Delays and visibility timeouts are rounded up to whole seconds here, because the SDK truncates
/// them, and a message must never become visible earlier than asked.
/// </summary>
public sealed class QueueWorkQueue(QueueClient queue) : IWorkQueue
{
    /// <summary>The longest a message can stay hidden on Azure Queue Storage: 7 days.</summary>
    public TimeSpan MaxVisibilityDelay => TimeSpan.FromDays(7);

    /// <summary>Receive and peek take at most 32 messages per request (the service's limit).</summary>
    private const int MaxMessagesPerRequest = 32;

    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    public async Task SendAsync(string text, TimeSpan visibilityDelay, CancellationToken cancellationToken) =>
        await queue.SendMessageAsync(text, WholeSeconds(visibilityDelay), NeverExpires, cancellationToken);

    public async Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var received = await queue.ReceiveMessagesAsync(
            Math.Clamp(maxMessages, 1, MaxMessagesPerRequest), WholeSeconds(visibilityTimeout), cancellationToken);
        return [.. received.Value.Select(m => new QueuedMessage(m.MessageId, m.PopReceipt, m.MessageText, (int)m.DequeueCount))];
    }

    public Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }

    public async Task UpdateVisibilityAsync(QueuedMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await queue.UpdateMessageAsync(
            message.MessageId, message.PopReceipt, visibilityTimeout: WholeSeconds(visibilityTimeout), cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<QueuedMessage>> PeekAsync(int maxMessages, CancellationToken cancellationToken)
    {
        var peeked = await queue.PeekMessagesAsync(Math.Clamp(maxMessages, 1, MaxMessagesPerRequest), cancellationToken);
        return [.. peeked.Value.Select(m => new QueuedMessage(m.MessageId, "", m.MessageText, (int)m.DequeueCount))];
    }

    private static TimeSpan WholeSeconds(TimeSpan value) => TimeSpan.FromSeconds(Math.Ceiling(value.TotalSeconds));
}
