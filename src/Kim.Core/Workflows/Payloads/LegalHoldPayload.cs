namespace Kim.Core.Workflows.Payloads;

/// <summary><c>set-legal-hold</c>: <c>{ "hold": true | false, "reason"? }</c>. A held case is not deleted.</summary>
public sealed record LegalHoldPayload(bool Hold, string? Reason = null);
