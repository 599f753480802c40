using Kim.Core.Cases;

namespace Kim.Functions.Partners;

/// <summary>The client's needs as a partner sees them through a referral whose consent covers <c>needs</c>.</summary>
public sealed record SharedNeeds(IReadOnlyList<LifeDomain> LifeDomains, string? Text);
