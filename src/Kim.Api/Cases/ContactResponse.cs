using Kim.Core.Cases;

namespace Kim.Api.Cases;

public sealed record ContactResponse(string ContactId, DateTimeOffset At, ContactChannel Channel, string? Note, string RecordedBy);
