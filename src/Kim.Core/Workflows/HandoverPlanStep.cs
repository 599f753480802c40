namespace Kim.Core.Workflows;

/// <summary>One step of a computed plan: its id, deadline day, and whether it is the hard deadline.</summary>
public sealed record HandoverPlanStep(string Step, DateOnly DueDate, bool IsHardDeadline);
