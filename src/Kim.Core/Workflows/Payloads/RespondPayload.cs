namespace Kim.Core.Workflows.Payloads;

/// <summary><c>respond</c>: <c>{ "decision": "accepted" | "rejected", "reason"? }</c>; a rejection needs a reason.</summary>
public sealed record RespondPayload(ReferralDecision Decision, string? Reason = null);
