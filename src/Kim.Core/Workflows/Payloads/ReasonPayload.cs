namespace Kim.Core.Workflows.Payloads;

/// <summary><c>decline</c> (reason required), <c>reopen</c>, <c>withdraw</c>, <c>cancel</c>: <c>{ "reason"? }</c>.</summary>
public sealed record ReasonPayload(string? Reason = null);
