namespace Kim.Core.Cases;

/// <summary>Why a case was closed (DOMAIN.md); reported in the anonymous figures.</summary>
public enum ClosureReason
{
    GoalsMet,
    HandedOn,
    MovedAway,
    ContactLost,
    ConsentWithdrawn,
    MaximumDuration,
}
