namespace Kim.Functions.Cases;

public sealed record FollowUpResponse(string FollowUpId, DateTimeOffset DueAt, string Note, DateTimeOffset? DoneAt, string CreatedBy, string? DoneBy);
