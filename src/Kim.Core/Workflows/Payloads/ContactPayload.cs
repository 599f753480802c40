using Kim.Core.Cases;

namespace Kim.Core.Workflows.Payloads;

/// <summary><c>record-contact</c>: <c>{ "at"?, "channel", "note"? }</c>; <c>at</c> defaults to the event's time.</summary>
public sealed record ContactPayload(ContactChannel Channel, DateTimeOffset? At = null, string? Note = null);
