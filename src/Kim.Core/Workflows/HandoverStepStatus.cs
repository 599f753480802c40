namespace Kim.Core.Workflows;

/// <summary>A handover step as the case shows it: <c>{ "step", "dueAt", "confirmedAt" }</c>.</summary>
/// <param name="DueAt">When the step's deadline day ends (Europe/Berlin), the instant of a miss.</param>
public sealed record HandoverStepStatus(
    string Step,
    DateOnly DueDate,
    DateTimeOffset DueAt,
    bool IsHardDeadline = false,
    DateTimeOffset? ConfirmedAt = null,
    string? ConfirmedBy = null);
