namespace Kim.Core.Workflows;

/// <summary>How a step's deadline follows from the trigger date.</summary>
/// <param name="Step">The step id the API uses.</param>
/// <param name="Due">The step's deadline day, from the trigger date.</param>
/// <param name="IsHardDeadline">Missing it costs the client money; a miss is also reported to the coordinators.</param>
public sealed record HandoverStepRule(string Step, Func<DateOnly, DateOnly> Due, bool IsHardDeadline = false);
