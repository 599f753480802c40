using System.Text.Json;

namespace Kim.Core.Records;

/// <summary>
/// One history row: an applied event (its <see cref="Kind"/> is the event's kind and
/// <see cref="Data"/> the event JSON) or a runtime operation on the instance (<c>suspended</c>,
/// <c>resumed</c>, <c>terminated</c>, <c>needs-attention</c>, <c>attention-cleared</c>,
/// <c>rejected</c>). The case timeline is read from these rows, oldest first.
/// </summary>
public sealed record HistoryEntry(
    string InstanceId,
    long Sequence,
    string EventId,
    string Kind,
    string Actor,
    DateTimeOffset At,
    JsonElement Data);

/// <summary>One page of history; <see cref="NextAfterSequence"/> is null on the last page.</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Entries, long? NextAfterSequence);
