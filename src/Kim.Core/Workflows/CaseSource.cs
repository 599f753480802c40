using Kim.Core.Cases;

namespace Kim.Core.Workflows;

/// <summary>Where a case came from: a partner's intake, or (all null) a case manager who opened it.</summary>
public sealed record CaseSource(string? PartnerId = null, string? PartnerReference = null, PartnerContact? PartnerContact = null);
