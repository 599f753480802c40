using Kim.Core.Cases;

namespace Kim.Api.Partners;

/// <summary>
/// The client's needs as a partner sees them through a referral whose consent covers <c>needs</c>;
/// <see cref="Text"/> only when it covers <c>health</c> too (see <see cref="ReferralDataShare"/>).
/// </summary>
public sealed record SharedNeeds(IReadOnlyList<LifeDomain> LifeDomains, string? Text);
