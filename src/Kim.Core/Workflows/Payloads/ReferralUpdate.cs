using Kim.Core.Cases;

namespace Kim.Core.Workflows.Payloads;

/// <summary>
/// What a referral tells its case: raised as <c>referral-updated</c> when it is accepted, and the
/// output of its completion (rejected, withdrawn, done).
/// </summary>
public sealed record ReferralUpdate(
    string ReferralId,
    ReferralState State,
    DateTimeOffset? RespondedAt = null,
    string? Reason = null,
    bool? Successful = null);
