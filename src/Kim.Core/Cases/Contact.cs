namespace Kim.Core.Cases;

/// <summary>A recorded contact with the client; any contact resets the no-contact alert.</summary>
public sealed record Contact(string ContactId, DateTimeOffset At, ContactChannel Channel, string? Note, string RecordedBy);
