using Kim.Core.Runtime;

namespace Kim.Testing.Runtime;

/// <summary>Counts every call to the store port: each is one storage transaction or more.</summary>
public sealed class CountingInstanceStore(IInstanceStore inner) : IInstanceStore
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void Reset() => Interlocked.Exchange(ref _calls, 0);

    private T Count<T>(T result)
    {
        Interlocked.Increment(ref _calls);
        return result;
    }

    public Task<InstanceRecord?> GetAsync(string instanceId, CancellationToken cancellationToken) => Count(inner.GetAsync(instanceId, cancellationToken));

    public Task<bool> HasAppliedAsync(string instanceId, string eventId, CancellationToken cancellationToken) => Count(inner.HasAppliedAsync(instanceId, eventId, cancellationToken));

    public Task<HistoryEntry?> GetHistoryEntryAsync(string instanceId, long sequence, CancellationToken cancellationToken) => Count(inner.GetHistoryEntryAsync(instanceId, sequence, cancellationToken));

    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string instanceId, long afterSequence, int take, CancellationToken cancellationToken) => Count(inner.GetHistoryAsync(instanceId, afterSequence, take, cancellationToken));

    public Task<IReadOnlyList<InstanceRecord>> ListPartitionAsync(string rootId, CancellationToken cancellationToken) => Count(inner.ListPartitionAsync(rootId, cancellationToken));

    public Task CommitAsync(IReadOnlyList<InstanceWrite> writes, CancellationToken cancellationToken) => Count(inner.CommitAsync(writes, cancellationToken));

    public Task DeleteAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken) => Count(inner.DeleteAsync(instanceIds, cancellationToken));

    public Task UpsertIndexAsync(IndexEntry entry, CancellationToken cancellationToken) => Count(inner.UpsertIndexAsync(entry, cancellationToken));

    public Task DeleteIndexAsync(IndexEntry entry, CancellationToken cancellationToken) => Count(inner.DeleteIndexAsync(entry, cancellationToken));

    public Task<IReadOnlyList<string>> QueryIndexAsync(string key, string? afterInstanceId, int take, CancellationToken cancellationToken) => Count(inner.QueryIndexAsync(key, afterInstanceId, take, cancellationToken));
}

/// <summary>Counts sends, receives and deletes on a queue port.</summary>
public sealed class CountingWorkQueue(IWorkQueue inner) : IWorkQueue
{
    private int _sends;
    private int _receives;
    private int _deletes;

    public int Sends => Volatile.Read(ref _sends);

    public int Receives => Volatile.Read(ref _receives);

    public int Deletes => Volatile.Read(ref _deletes);

    public IWorkQueue Inner => inner;

    public TimeSpan MaxVisibilityDelay => inner.MaxVisibilityDelay;

    public void Reset()
    {
        Interlocked.Exchange(ref _sends, 0);
        Interlocked.Exchange(ref _receives, 0);
        Interlocked.Exchange(ref _deletes, 0);
    }

    public Task SendAsync(string text, TimeSpan visibilityDelay, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sends);
        return inner.SendAsync(text, visibilityDelay, cancellationToken);
    }

    public Task<IReadOnlyList<QueuedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _receives);
        return inner.ReceiveAsync(maxMessages, visibilityTimeout, cancellationToken);
    }

    public Task DeleteAsync(QueuedMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _deletes);
        return inner.DeleteAsync(message, cancellationToken);
    }

    public Task UpdateVisibilityAsync(QueuedMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        inner.UpdateVisibilityAsync(message, visibilityTimeout, cancellationToken);

    public Task<IReadOnlyList<QueuedMessage>> PeekAsync(int maxMessages, CancellationToken cancellationToken) => inner.PeekAsync(maxMessages, cancellationToken);
}
