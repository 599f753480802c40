namespace Kim.Core.Workflows.Payloads;

/// <summary><c>confirm-step</c>: <c>{ "step" }</c>, a step id such as <c>jobcentre-application</c>.</summary>
public sealed record StepPayload(string Step);
