using Kim.Core.Cases;

namespace Kim.Api.Cases;

/// <summary>A referral of a case; <see cref="ReferralId"/> is the referral instance id (<c>c-…:r-1</c>), the same the partner routes use.</summary>
public sealed record ReferralResponse(
    string ReferralId,
    string? PartnerId,
    string? Service,
    ReferralState State,
    DateTimeOffset RespondBy,
    string Purpose,
    string ConsentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RespondedAt,
    string? Reason,
    bool? Successful);
