namespace Kim.Core.Cases;

/// <summary>A referral's lifecycle: sent → accepted | rejected | withdrawn; accepted → done.</summary>
public enum ReferralState
{
    Sent,
    Accepted,
    Rejected,
    Withdrawn,
    Done,
}
