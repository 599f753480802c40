using System.Collections.Immutable;
using Kim.Core.Cases;
using Barrier = Kim.Core.Cases.Barrier;

namespace Kim.Core.Workflows;

/// <summary>
/// The state of a case instance: everything <c>GET /api/cases/{caseId}</c> shows, plus the timers
/// the case holds. Immutable; serialised with <see cref="KimJson.Options"/>.
/// </summary>
public sealed record CaseWorkflowState
{
    public required string CaseId { get; init; }

    public required string Municipality { get; init; }

    public string? District { get; init; }

    public required CaseState State { get; init; }

    public string? Assignee { get; init; }

    public required Client Client { get; init; }

    public Needs Needs { get; init; } = Needs.None;

    public Urgency Urgency { get; init; } = Urgency.Normal;

    public CaseSource Source { get; init; } = new();

    public required string OpenedBy { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset? AcceptedAt { get; init; }

    public DateTimeOffset? PlanAgreedAt { get; init; }

    public DateTimeOffset? LastContactAt { get; init; }

    public string? DeclineReason { get; init; }

    public ClosureReason? ClosureReason { get; init; }

    /// <summary>When the case was closed or declined.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>When a closed or declined case is to be deleted; a reopen is possible until then.</summary>
    public DateTimeOffset? DeleteAfter { get; init; }

    public bool LegalHold { get; init; }

    public DateTimeOffset? PurgeRequestedAt { get; init; }

    public ImmutableList<Goal> Goals { get; init; } = [];

    public ImmutableList<Consent> Consents { get; init; } = [];

    public ImmutableList<ReferralSummary> Referrals { get; init; } = [];

    public ImmutableList<HandoverSummary> Handovers { get; init; } = [];

    public ImmutableList<FollowUp> FollowUps { get; init; } = [];

    public ImmutableList<Barrier> Barriers { get; init; } = [];

    public ImmutableList<Contact> Contacts { get; init; } = [];

    public ImmutableList<Alert> Alerts { get; init; } = [];

    /// <summary>The timers the case holds, by id (see <see cref="CaseTimers"/>).</summary>
    public ImmutableSortedDictionary<string, DateTimeOffset> Timers { get; init; } = ImmutableSortedDictionary<string, DateTimeOffset>.Empty;

    public IntakeStatus IntakeStatus => State.ToIntakeStatus();

    /// <summary>
    /// The next thing due for the case manager: the earliest of the case's timers (deletion aside),
    /// the answers its sent referrals await and its handovers' unconfirmed steps.
    /// </summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            var due = Timers.Where(t => t.Key != CaseTimers.Purge).Select(t => t.Value)
                .Concat(Referrals.Where(r => r.State == ReferralState.Sent).Select(r => r.RespondBy))
                .Concat(Handovers.Where(h => h.Status == HandoverStatus.Open)
                    .SelectMany(h => h.Steps.Where(s => s.ConfirmedAt is null).Select(s => s.DueAt)))
                .ToList();
            return due.Count == 0 ? null : due.Min();
        }
    }

    /// <summary>Whether an alert is open (raised, not resolved): the API's <c>overdue</c> filter.</summary>
    public bool Overdue => Alerts.Any(a => a.ResolvedAt is null);

    /// <summary>Whether an active consent to case processing exists on <paramref name="day"/>.</summary>
    public bool HasCaseProcessingConsent(DateOnly day) => Consents.Any(c => c.IsCaseProcessing && c.IsActiveOn(day));
}
