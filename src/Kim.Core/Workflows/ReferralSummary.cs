using Kim.Core.Cases;

namespace Kim.Core.Workflows;

/// <summary>A referral as its case shows it; the referral instance holds the rest.</summary>
/// <param name="ReferralId">The id within the case, <c>r-1</c>.</param>
/// <param name="InstanceId">The referral instance, <c>{caseId}:r-1</c>: the id the partner routes use.</param>
public sealed record ReferralSummary(
    string ReferralId,
    string InstanceId,
    string Purpose,
    string ConsentId,
    ReferralState State,
    DateTimeOffset RespondBy,
    DateTimeOffset CreatedAt,
    string? PartnerId = null,
    string? Service = null,
    DateTimeOffset? RespondedAt = null,
    string? Reason = null,
    bool? Successful = null)
{
    public string Recipient => PartnerId ?? Service ?? string.Empty;

    public bool IsOpen => State is ReferralState.Sent or ReferralState.Accepted;
}
