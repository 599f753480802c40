namespace Kim.Functions.Access;

/// <summary>An organisation that sends intakes and receives referrals, calling from its own server.</summary>
/// <param name="Municipality">The municipality the partner works in; null when it serves the whole district.</param>
/// <param name="ApiKeyHash">The <see cref="ApiKeys.Hash"/> of the partner's key; the key itself is never stored.</param>
public sealed record Partner(
    string Id,
    string Name,
    PartnerType Type,
    string Email,
    string District,
    string? Municipality,
    string ApiKeyHash);
