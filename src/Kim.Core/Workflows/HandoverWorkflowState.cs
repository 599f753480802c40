using System.Collections.Immutable;
using Kim.Core.Cases;

namespace Kim.Core.Workflows;

/// <summary>The state of a handover instance: its computed plan and which steps are confirmed.</summary>
public sealed record HandoverWorkflowState
{
    /// <summary>The instance id, <c>{caseId}:h-{n}</c>.</summary>
    public required string HandoverId { get; init; }

    public required string CaseId { get; init; }

    public required string Municipality { get; init; }

    public string? District { get; init; }

    public required string Kind { get; init; }

    public required LegalDomain From { get; init; }

    public required LegalDomain To { get; init; }

    public required DateOnly TriggerDate { get; init; }

    public required DateOnly Target { get; init; }

    public required DateOnly HardDeadline { get; init; }

    public required ImmutableList<HandoverStepStatus> Steps { get; init; }

    public HandoverStatus Status { get; init; } = HandoverStatus.Open;

    public DateTimeOffset? HardDeadlineMissedAt { get; init; }

    public string? CancelReason { get; init; }

    public ImmutableList<Alert> Alerts { get; init; } = [];

    public ImmutableSortedDictionary<string, DateTimeOffset> Timers { get; init; } = ImmutableSortedDictionary<string, DateTimeOffset>.Empty;
}
