namespace Kim.Core.Cases;

public enum Urgency
{
    Low,
    Normal,
    High,
}
