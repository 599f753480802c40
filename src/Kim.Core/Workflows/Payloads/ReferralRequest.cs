namespace Kim.Core.Workflows.Payloads;

/// <summary>
/// <c>create-referral</c>: <c>{ "partnerId"? or "service"?, "purpose", "respondBy"?, "consentId"? }</c>.
/// <c>respondBy</c> is a day (<c>2026-12-01</c>, due at its end in Europe/Berlin) or an instant with
/// offset; without it the partner has <see cref="TimingOptions.PartnerResponse"/>. Without
/// <c>consentId</c> the newest active consent naming the recipient is used.
/// </summary>
public sealed record ReferralRequest(
    string Purpose,
    string? PartnerId = null,
    string? Service = null,
    string? RespondBy = null,
    string? ConsentId = null);
