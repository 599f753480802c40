namespace Kim.Api.Partners;

/// <summary>Whom at KIM the partner answers to: the case manager the case is assigned to.</summary>
public sealed record PartnerReferralContact(string Name, string Email);
