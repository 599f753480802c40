using Kim.Core.Cases;

namespace Kim.Api.Partners;

/// <summary>
/// The client as a partner sees it through a referral: each field only when the referral's consent
/// covers its category (see <see cref="ReferralDataShare"/>); a field left null is not sent.
/// </summary>
public sealed record SharedClient
{
    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public IReadOnlyList<string>? Languages { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public ResidenceStatusCategory? ResidenceStatus { get; init; }

    public DateOnly? ResidenceDocumentExpires { get; init; }

    public IReadOnlyList<LegalDomain>? LegalDomains { get; init; }

    public DateOnly? BenefitPeriodEnds { get; init; }
}
