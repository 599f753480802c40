namespace Kim.Core.Runtime;

/// <summary>
/// Part of one atomic commit: the instance row (inserted when its ETag is null, else replaced if the
/// ETag still matches), its history row, and a dedup marker keyed by the history row's event id.
/// </summary>
public sealed record InstanceWrite(InstanceRecord Instance, HistoryEntry History);
