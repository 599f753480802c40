namespace Kim.Core.Workflows.Payloads;

/// <summary><c>assign</c>: <c>{ "caseManagerId" }</c>.</summary>
public sealed record AssignPayload(string CaseManagerId);
