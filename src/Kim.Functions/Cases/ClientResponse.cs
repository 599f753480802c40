using Kim.Core.Cases;

namespace Kim.Functions.Cases;

public sealed record ClientResponse(
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth,
    IReadOnlyList<string> Languages,
    string? Phone,
    string? Email,
    ResidenceStatusCategory? ResidenceStatus,
    IReadOnlyList<LegalDomain> LegalDomains,
    DateOnly? ResidenceDocumentExpires,
    DateOnly? BenefitPeriodEnds);
