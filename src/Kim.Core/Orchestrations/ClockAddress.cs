namespace Kim.Core.Orchestrations;

/// <summary>The orchestration that owns a timer or an action: its instance id and its orchestrator's name.</summary>
/// <param name="InstanceId">Derived from the record: <c>{caseId}</c>, <c>{caseId}:f-1</c>, <c>{caseId}:r-1</c>, <c>{caseId}:h-1</c>.</param>
/// <param name="Orchestrator">The orchestrator's registered name (its class name).</param>
public sealed record ClockAddress(string InstanceId, string Orchestrator);
