namespace Kim.Functions.Cases;

public sealed record HandoverStepResponse(string Step, DateTimeOffset DueAt, DateTimeOffset? ConfirmedAt, bool IsHardDeadline, string? ConfirmedBy);
