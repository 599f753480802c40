namespace Kim.Api.Cases;

/// <summary>One row of the case list projection (no client data, no case content).</summary>
/// <param name="NextFollowUpDue">The earliest open follow-up, or null when none is open.</param>
public sealed record CaseListRow(
    string Municipality,
    string CaseId,
    string State,
    string? Assignee,
    DateTimeOffset? NextDue,
    bool Overdue,
    DateTimeOffset UpdatedAt,
    long Sequence,
    DateTimeOffset? NextFollowUpDue)
{
    public CaseListItem AsItem() => new(CaseId, State, Assignee, NextDue, Overdue, UpdatedAt);
}
