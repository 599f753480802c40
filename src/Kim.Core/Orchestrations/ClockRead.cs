namespace Kim.Core.Orchestrations;

/// <summary>Asks for what one orchestration keeps of a record.</summary>
/// <param name="RecordId">The record's instance id.</param>
/// <param name="OrchestrationId">The asking orchestration's instance id (<see cref="ClockOwnership"/>).</param>
public sealed record ClockRead(string RecordId, string OrchestrationId);
