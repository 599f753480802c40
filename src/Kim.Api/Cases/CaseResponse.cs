using System.Text.Json.Serialization;
using Kim.Core.Cases;

namespace Kim.Api.Cases;

/// <summary>A case as <c>GET /api/cases/{caseId}</c> answers it (API.md, "A case").</summary>
public sealed record CaseResponse(
    string CaseId,
    string Municipality,
    string State,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Assignee,
    ClientResponse Client,
    NeedsResponse Needs,
    IReadOnlyList<GoalResponse> Goals,
    IReadOnlyList<ConsentResponse> Consents,
    IReadOnlyList<ReferralResponse> Referrals,
    IReadOnlyList<HandoverResponse> Handovers,
    IReadOnlyList<FollowUpResponse> FollowUps,
    IReadOnlyList<BarrierResponse> Barriers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? NextDue,
    bool Overdue,
    IntakeStatus IntakeStatus,
    Urgency Urgency,
    IReadOnlyList<ContactResponse> Contacts,
    IReadOnlyList<AlertResponse> Alerts,
    DateTimeOffset OpenedAt,
    string OpenedBy,
    string? SourcePartnerId,
    ClosureReason? ClosureReason,
    DateTimeOffset? DeleteAfter,
    bool LegalHold);
