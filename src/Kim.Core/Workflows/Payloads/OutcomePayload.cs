using Kim.Core.Cases;

namespace Kim.Core.Workflows.Payloads;

/// <summary>
/// <c>outcome</c>: <c>{ "successful": bool, "reason"?: "client-refused" | "no-capacity" | "not-reachable" | "no-longer-needed", "note"? }</c>;
/// an unsuccessful outcome needs a reason.
/// </summary>
public sealed record OutcomePayload(bool Successful, ReferralOutcomeReason? Reason = null, string? Note = null);
