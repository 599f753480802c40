using Kim.Core.Cases;

namespace Kim.Api.Cases;

/// <summary>The client in a case answer; a person may have one name only, so either name may be absent.</summary>
public sealed record ClientResponse(
    string? GivenName,
    string? FamilyName,
    DateOnly? DateOfBirth,
    IReadOnlyList<string> Languages,
    string? Phone,
    string? Email,
    ResidenceStatusCategory? ResidenceStatus,
    IReadOnlyList<LegalDomain> LegalDomains,
    DateOnly? ResidenceDocumentExpires,
    DateOnly? BenefitPeriodEnds);
