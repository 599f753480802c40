using Kim.Core.Cases;

namespace Kim.Api.Cases;

public sealed record AlertResponse(AlertKind Kind, DateTimeOffset DueAt, DateTimeOffset RaisedAt, string? Reference, DateTimeOffset? ResolvedAt);
