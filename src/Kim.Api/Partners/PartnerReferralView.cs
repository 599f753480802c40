using Kim.Core.Cases;

namespace Kim.Api.Partners;

/// <summary>
/// <c>GET /api/referrals/{referralId}</c>: what the referral asks of the partner and, in
/// <see cref="Client"/> and <see cref="Needs"/>, exactly the data its consent covers.
/// </summary>
/// <param name="ReferralId">The referral's id in the partner routes, <c>{caseId}:r-{n}</c>.</param>
/// <param name="State">Shows <c>withdrawn</c> as soon as the consent is withdrawn, and then no client data.</param>
/// <param name="Reason">The partner's own reason for a rejection it sent; never a case manager's text (see <see cref="ReferralDataShare.AnswerReason"/>).</param>
/// <param name="Categories">The data categories the consent releases now; empty when it releases nothing.</param>
public sealed record PartnerReferralView(
    string ReferralId,
    string Purpose,
    ReferralState State,
    DateTimeOffset RespondBy,
    DateTimeOffset SentAt,
    DateTimeOffset? RespondedAt,
    string? Reason,
    string Municipality,
    PartnerReferralContact? CaseManager,
    IReadOnlyList<DataCategory> Categories,
    SharedClient? Client,
    SharedNeeds? Needs);
