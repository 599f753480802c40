using System.Collections.Immutable;
using Kim.Core.Cases;

namespace Kim.Core.Workflows;

/// <summary>The state of a referral instance: what was asked of whom, under which consent, and the answer.</summary>
public sealed record ReferralWorkflowState
{
    /// <summary>The instance id, <c>{caseId}:r-{n}</c>.</summary>
    public required string ReferralId { get; init; }

    public required string CaseId { get; init; }

    public required string Municipality { get; init; }

    public string? District { get; init; }

    public string? PartnerId { get; init; }

    public string? Service { get; init; }

    public required string Purpose { get; init; }

    /// <summary>The consent the referral shares data under; the partner sees exactly its categories.</summary>
    public required string ConsentId { get; init; }

    public required ReferralState State { get; init; }

    public required DateTimeOffset RespondBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? RespondedAt { get; init; }

    public string? RespondedBy { get; init; }

    /// <summary>The partner's reason for a rejection, or why it was withdrawn.</summary>
    public string? Reason { get; init; }

    public bool? Successful { get; init; }

    public ReferralOutcomeReason? OutcomeReason { get; init; }

    public string? OutcomeNote { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public ImmutableList<Alert> Alerts { get; init; } = [];

    public ImmutableSortedDictionary<string, DateTimeOffset> Timers { get; init; } = ImmutableSortedDictionary<string, DateTimeOffset>.Empty;

    /// <summary>The id within the case, <c>r-{n}</c>.</summary>
    public string ShortId => ReferralId.Contains(':', StringComparison.Ordinal) ? ReferralId[(ReferralId.LastIndexOf(':') + 1)..] : ReferralId;
}
