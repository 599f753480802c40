using Kim.Core.Cases;

namespace Kim.Functions.Cases;

public sealed record AlertResponse(AlertKind Kind, DateTimeOffset DueAt, DateTimeOffset RaisedAt, string? Reference, DateTimeOffset? ResolvedAt);
