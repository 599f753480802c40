namespace Kim.Core.Runtime;

/// <summary>
/// Part of one atomic commit: the instance row (inserted when its ETag is null, else replaced if the
/// ETag still matches), its history row, and a dedup marker keyed by the history row's event id.
/// </summary>
/// <param name="Body">The instance's encoded body when the caller has it already (the engine encodes it to check its size), so a store need not encode it again.</param>
public sealed record InstanceWrite(InstanceRecord Instance, HistoryEntry History, byte[]? Body = null);
