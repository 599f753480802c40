namespace Kim.Core.Cases;

public enum ContactChannel
{
    InPerson,
    Phone,
    Video,
    Email,
    Messenger,
    Letter,
    Other,
}
