namespace Kim.Core.Records;

/// <summary>
/// What a decision may know besides its state and event: who it is and the time. Configuration
/// (intervals, calendars) is given to a definition when it is constructed; nothing here does I/O.
/// </summary>
public sealed record WorkflowContext(string InstanceId, string? ParentInstanceId, DateTimeOffset Now);
