namespace Kim.Core.Workflows.Payloads;

public enum ReferralDecision
{
    Accepted,
    Rejected,
}
