namespace Kim.Core.Cases;

/// <summary>The phases of a case (DOMAIN.md, "The case process"); JSON names are kebab-case (<c>handover-pending</c>).</summary>
public enum CaseState
{
    Referred,
    Clearing,
    Declined,
    Assessment,
    Planning,
    Monitoring,
    HandoverPending,
    Closed,
}
