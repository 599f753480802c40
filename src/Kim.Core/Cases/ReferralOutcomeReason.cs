namespace Kim.Core.Cases;

/// <summary>Why a referral ended without success (DOMAIN.md).</summary>
public enum ReferralOutcomeReason
{
    ClientRefused,
    NoCapacity,
    NotReachable,
    NoLongerNeeded,
}
