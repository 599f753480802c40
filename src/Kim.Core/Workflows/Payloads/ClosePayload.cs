using Kim.Core.Cases;

namespace Kim.Core.Workflows.Payloads;

/// <summary><c>close</c>: <c>{ "reason": "goals-met" | "handed-on" | "moved-away" | "contact-lost" | "consent-withdrawn" | "maximum-duration", "note"? }</c>.</summary>
public sealed record ClosePayload(ClosureReason? Reason, string? Note = null);
