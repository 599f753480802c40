using System.Text.Json;

namespace Kim.Core.Records;

/// <summary>
/// One workflow instance as the <see cref="IInstanceStore"/> keeps it: one row, changed only with
/// its <see cref="ETag"/>. <see cref="Sequence"/> counts the history rows written for it.
/// </summary>
public sealed record InstanceRecord
{
    public required string InstanceId { get; init; }

    public required string Workflow { get; init; }

    public required int Version { get; init; }

    public required WorkflowStatus Status { get; init; }

    /// <summary>Set by the runtime when a person must look (poison message, action out of attempts, version gone).</summary>
    public bool NeedsAttention { get; init; }

    public string? AttentionReason { get; init; }

    public JsonElement? State { get; init; }

    public string? CustomStatus { get; init; }

    public IReadOnlyList<HeldTimer> Timers { get; init; } = [];

    public IReadOnlyList<PendingAction> Actions { get; init; } = [];

    public JsonElement? Output { get; init; }

    public string? Error { get; init; }

    public string? ParentId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The sequence number of the last applied history row (1 after start).</summary>
    public required long Sequence { get; init; }

    /// <summary>The store's version tag; null for an instance not yet written.</summary>
    public string? ETag { get; init; }

    public string PartitionKey => InstanceIds.RootOf(InstanceId);

    public bool IsEnded => Status is WorkflowStatus.Completed or WorkflowStatus.Failed or WorkflowStatus.Terminated;

    /// <summary>The state as the workflow's state type; null before the instance has a state.</summary>
    public T? StateAs<T>()
        where T : class => StateOf<T>(State);

    internal static T? StateOf<T>(JsonElement? state)
        where T : class =>
        state is { ValueKind: JsonValueKind.Object } json ? KimJson.FromElement<T>(json) : null;
}

/// <summary>A timer the instance holds; <see cref="Generation"/> is the sequence of the step that set it.</summary>
public sealed record HeldTimer(string TimerId, DateTimeOffset DueAt, long Generation);

/// <summary>An action the instance waits for; <see cref="Generation"/> is the sequence of the step that asked for it.</summary>
public sealed record PendingAction(string ActionId, string ActionName, JsonElement? Input, long Generation);
