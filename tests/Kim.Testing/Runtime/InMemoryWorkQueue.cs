using Kim.Core.Runtime;

namespace Kim.Testing.Runtime;

/// <summary>
/// A queue in memory whose visibility follows a <see cref="TimeProvider"/>: a message sent with a
/// delay, or received, stays hidden until the clock passes its time. For unit tests only.
/// </summary>
public sealed class InMemoryWorkQueue(TimeProvider time, FaultInjector? faults = null) : IWorkQueue
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _messages = [];
    private long _ids;

    public TimeSpan MaxVisibilityDelay => TimeSpan.FromDays(7);

    public int Sends { get; private set; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>When the next hidden message becomes visible, if any.</summary>
    public DateTimeOffset? NextVisibleAt
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count == 0 ? null : _messages.Min(m => m.VisibleAt);
            }
        }
    }

    public IReadOnlyList<string> Texts
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages.Select(m => m.Text)];
            }
        }
    }

    public Task SendAsync(string text, TimeSpan visibilityDelay, CancellationToken cancellationToken)
    {
        if (visibilityDelay < TimeSpan.Zero || visibilityDelay > MaxVisibilityDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityDelay), visibilityDelay, "between 0 and 7 days");
        }

        faults?.Pass("queue.send.before");
        lock (_gate)
        {
            _messages.Add(new Entry("q" + ++_ids, text, time.GetUtcNow() + visibilityDelay));
            Sends++;
        }

        faults?.Pass("queue.send.after");
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var taken = new List<QueuedMessage>();
            foreach (var entry in _messages.Where(m => m.VisibleAt <= now).OrderBy(m => m.VisibleAt).Take(maxMessages).ToList())
            {
                entry.VisibleAt = now + visibilityTimeout;
                entry.DequeueCount++;
                entry.PopReceipt = Guid.NewGuid().ToString("N");
                taken.Add(new QueuedMessage(entry.Id, entry.PopReceipt, entry.Text, entry.DequeueCount));
            }

            return Task.FromResult<IReadOnlyList<QueuedMessage>>(taken);
        }
    }

    public Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken)
    {
        faults?.Pass("queue.delete.before");
        lock (_gate)
        {
            var entry = Find(message);
            _messages.Remove(entry);
        }

        return Task.CompletedTask;
    }

    public Task UpdateVisibilityAsync(QueuedMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Find(message).VisibleAt = time.GetUtcNow() + visibilityTimeout;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueuedMessage>> PeekAsync(int maxMessages, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            return Task.FromResult<IReadOnlyList<QueuedMessage>>(
                [.. _messages.Where(m => m.VisibleAt <= now).Take(maxMessages).Select(m => new QueuedMessage(m.Id, "", m.Text, m.DequeueCount))]);
        }
    }

    private Entry Find(QueuedMessage message) =>
        _messages.FirstOrDefault(m => m.Id == message.MessageId && m.PopReceipt == message.PopReceipt)
            ?? throw new InvalidOperationException($"message {message.MessageId} is gone or was received again (pop receipt mismatch)");

    private sealed class Entry(string id, string text, DateTimeOffset visibleAt)
    {
        public string Id { get; } = id;
        public string Text { get; } = text;
        public DateTimeOffset VisibleAt { get; set; } = visibleAt;
        public int DequeueCount { get; set; }
        public string? PopReceipt { get; set; }
    }
}
