using Kim.Core.Records;

namespace Kim.Testing.Records;

/// <summary>
/// The instance store in memory, for unit tests: the same all-or-nothing commits, ETag checks and
/// dedup markers as the table adapter, with fault points around the commit.
/// </summary>
public sealed class InMemoryInstanceStore : IInstanceStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, InstanceRecord> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedList<long, HistoryEntry>> _history = new(StringComparer.Ordinal);
    private readonly Dictionary<(string InstanceId, string EventId), long> _markers = [];
    private readonly Dictionary<(string InstanceId, string TextId), string> _texts = [];
    private readonly Dictionary<string, SortedSet<string>> _index = new(StringComparer.Ordinal);
    private long _etags;

    public int Commits { get; private set; }

    public Task<InstanceRecord?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_instances.GetValueOrDefault(instanceId));
        }
    }

    public Task<long?> GetAppliedSequenceAsync(string instanceId, string eventId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_markers.TryGetValue((instanceId, eventId), out var sequence) ? sequence : (long?)null);
        }
    }

    public Task<HistoryEntry?> GetHistoryEntryAsync(string instanceId, long sequence, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_history.TryGetValue(instanceId, out var rows) ? rows.GetValueOrDefault(sequence) : null);
        }
    }

    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string instanceId, long afterSequence, int take, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<HistoryEntry> page = _history.TryGetValue(instanceId, out var rows)
                ? [.. rows.Values.Where(h => h.Sequence > afterSequence).Take(take)]
                : [];
            return Task.FromResult(page);
        }
    }

    public Task<IReadOnlyDictionary<string, string>> GetTextsAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyDictionary<string, string> texts = _texts.Where(t => t.Key.InstanceId == instanceId).ToDictionary(t => t.Key.TextId, t => t.Value, StringComparer.Ordinal);
            return Task.FromResult(texts);
        }
    }

    public Task<IReadOnlyList<InstanceRecord>> ListPartitionAsync(string rootId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<InstanceRecord> found = [.. _instances.Values.Where(i => i.PartitionKey == rootId)];
            return Task.FromResult(found);
        }
    }

    public Task CommitAsync(IReadOnlyList<InstanceWrite> writes, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (writes.Select(w => w.Instance.PartitionKey).Distinct().Count() != 1)
            {
                throw new InvalidOperationException("A commit spans partitions.");
            }

            foreach (var write in writes)
            {
                var id = write.Instance.InstanceId;
                var current = _instances.GetValueOrDefault(id);
                if (write.Instance.ETag is null ? current is not null : current?.ETag != write.Instance.ETag)
                {
                    throw new InstanceConflictException($"{id} changed or exists");
                }

                foreach (var history in write.History)
                {
                    if (_markers.ContainsKey((id, history.EventId)) ||
                        (_history.TryGetValue(id, out var rows) && rows.ContainsKey(history.Sequence)))
                    {
                        throw new InstanceConflictException($"{id} already has event {history.EventId} or sequence {history.Sequence}");
                    }
                }
            }

            foreach (var write in writes)
            {
                var id = write.Instance.InstanceId;
                _instances[id] = write.Instance with { ETag = "m" + ++_etags };
                if (!_history.TryGetValue(id, out var rows))
                {
                    _history[id] = rows = [];
                }

                foreach (var history in write.History)
                {
                    rows.Add(history.Sequence, history);
                    _markers[(id, history.EventId)] = history.Sequence;
                }

                foreach (var text in write.Texts)
                {
                    _texts[(text.InstanceId, text.TextId)] = text.Text;
                }
            }

            Commits++;
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var id in instanceIds)
            {
                _instances.Remove(id);
                _history.Remove(id);
                foreach (var marker in _markers.Keys.Where(m => m.InstanceId == id).ToList())
                {
                    _markers.Remove(marker);
                }
                foreach (var key in _texts.Keys.Where(k => k.InstanceId == id).ToList())
                {
                    _texts.Remove(key);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task UpsertIndexAsync(IndexEntry entry, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue(entry.Key, out var ids))
            {
                _index[entry.Key] = ids = new SortedSet<string>(StringComparer.Ordinal);
            }

            ids.Add(entry.InstanceId);
        }

        return Task.CompletedTask;
    }

    public Task DeleteIndexAsync(IndexEntry entry, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_index.TryGetValue(entry.Key, out var ids))
            {
                ids.Remove(entry.InstanceId);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> QueryIndexAsync(string key, string? afterInstanceId, int take, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<string> ids = _index.TryGetValue(key, out var set)
                ? [.. set.Where(id => afterInstanceId is null || string.CompareOrdinal(id, afterInstanceId) > 0).Take(take)]
                : [];
            return Task.FromResult(ids);
        }
    }
}
