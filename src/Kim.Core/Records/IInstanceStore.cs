namespace Kim.Core.Records;

/// <summary>
/// The port where instances, their history and dedup markers live. All rows of a partition (a root
/// instance and its descendants) can be committed together atomically. Implementations: the Azure
/// Table Storage adapter, and an in-memory one for unit tests.
/// </summary>
public interface IInstanceStore
{
    Task<InstanceRecord?> GetAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>The history sequence at which an event with this id was applied to the instance (its dedup marker); null if it was not.</summary>
    Task<long?> GetAppliedSequenceAsync(string instanceId, string eventId, CancellationToken cancellationToken);

    Task<HistoryEntry?> GetHistoryEntryAsync(string instanceId, long sequence, CancellationToken cancellationToken);

    /// <summary>History rows with a sequence above <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string instanceId, long afterSequence, int take, CancellationToken cancellationToken);

    /// <summary>Every instance of a partition (a root and its descendants), ordered by id.</summary>
    Task<IReadOnlyList<InstanceRecord>> ListPartitionAsync(string rootId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes all or nothing (one partition). Throws <see cref="InstanceConflictException"/> when an
    /// ETag no longer matches, an inserted instance exists, or a dedup marker exists.
    /// </summary>
    Task CommitAsync(IReadOnlyList<InstanceWrite> writes, CancellationToken cancellationToken);

    /// <summary>Deletes the instances' rows, history and markers (for purge). Missing rows are no error.</summary>
    Task DeleteAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken);

    Task UpsertIndexAsync(IndexEntry entry, CancellationToken cancellationToken);

    Task DeleteIndexAsync(IndexEntry entry, CancellationToken cancellationToken);

    /// <summary>Instance ids under an index key, ordered, after <paramref name="afterInstanceId"/>.</summary>
    Task<IReadOnlyList<string>> QueryIndexAsync(string key, string? afterInstanceId, int take, CancellationToken cancellationToken);

    /// <summary>The texts kept beside a record (<see cref="KeepText"/>), by text id; empty if none.</summary>
    Task<IReadOnlyDictionary<string, string>> GetTextsAsync(string instanceId, CancellationToken cancellationToken);
}
