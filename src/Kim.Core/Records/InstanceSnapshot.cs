using System.Text.Json;

namespace Kim.Core.Records;

/// <summary>What a reader sees of an instance.</summary>
public sealed record InstanceSnapshot(
    string InstanceId,
    string Workflow,
    int Version,
    WorkflowStatus Status,
    bool NeedsAttention,
    string? AttentionReason,
    JsonElement? State,
    string? CustomStatus,
    IReadOnlyList<TimerSnapshot> Timers,
    IReadOnlyList<string> PendingActions,
    JsonElement? Output,
    string? Error,
    string? ParentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Sequence)
{
    public static InstanceSnapshot From(InstanceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new InstanceSnapshot(
            record.InstanceId,
            record.Workflow,
            record.Version,
            record.Status,
            record.NeedsAttention,
            record.AttentionReason,
            record.State,
            record.CustomStatus,
            [.. record.Timers.Select(t => new TimerSnapshot(t.TimerId, t.DueAt))],
            [.. record.Actions.Select(a => a.ActionId)],
            record.Output,
            record.Error,
            record.ParentId,
            record.CreatedAt,
            record.UpdatedAt,
            record.Sequence);
    }

    public T? StateAs<T>()
        where T : class =>
        InstanceRecord.StateOf<T>(State);
}

public sealed record TimerSnapshot(string TimerId, DateTimeOffset DueAt);
