namespace Kim.Api.Cases;

/// <summary>The client as a case manager records it; values are checked by the case workflow.</summary>
public sealed record ClientRequest(
    string? GivenName,
    string? FamilyName,
    string? DateOfBirth = null,
    IReadOnlyList<string>? Languages = null,
    string? Phone = null,
    string? Email = null,
    string? ResidenceStatus = null,
    IReadOnlyList<string>? LegalDomains = null,
    string? ResidenceDocumentExpires = null,
    string? BenefitPeriodEnds = null);
