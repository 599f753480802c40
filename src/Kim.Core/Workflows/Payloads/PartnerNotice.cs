namespace Kim.Core.Workflows.Payloads;

/// <summary>
/// Input of <c>notify-partner-referral</c> and <c>remind-partner</c>: the referral's instance id
/// (<c>c-4f7k2:r-1</c>) and whom to tell; the mail links to <c>GET /api/referrals/{referralId}</c>.
/// </summary>
public sealed record PartnerNotice(string ReferralId, string PartnerId);
