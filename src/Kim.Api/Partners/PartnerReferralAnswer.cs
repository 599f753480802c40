namespace Kim.Api.Partners;

/// <summary>The body of <c>POST /api/referrals/{referralId}/response</c>: <c>{ "decision": "accepted" | "rejected", "reason"? }</c>.</summary>
public sealed record PartnerReferralAnswer(string? Decision, string? Reason);
