namespace Kim.Core.Cases;

/// <summary>How soon the case manager should act; the intake's <c>urgency</c> (<c>normal</c> | <c>urgent</c>) maps 1:1.</summary>
public enum Urgency
{
    Normal,
    Urgent,
}
