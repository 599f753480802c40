namespace Kim.Core.Cases;

/// <summary>What a partner sees of its intake: the case state folded so that no case content shows.</summary>
public enum IntakeStatus
{
    Received,
    InClearing,
    Accepted,
    Declined,
    Closed,
}
