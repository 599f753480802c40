namespace Kim.Core.Cases;

/// <summary>The person at a partner who sent an intake.</summary>
public sealed record PartnerContact(string? Name, string? Email, string? Phone);
