namespace Kim.Api.Access;

/// <summary>An organisation that sends intakes and receives referrals, calling from its own server.</summary>
/// <param name="Municipality">The municipality the partner works in; null when it serves the whole district.</param>
/// <param name="KeyIds">
/// The ids of the partner's valid API keys (<see cref="PartnerKey"/>), at most
/// <see cref="ApiKeys.MaxValidKeys"/>: this list, not the key rows, decides whether a key is valid,
/// so that adding and revoking are one conditional write of the partner's record.
/// </param>
/// <param name="Active">False once an administrator deactivated the partner: none of its keys works any more.</param>
public sealed record Partner(
    string Id,
    string Name,
    PartnerType Type,
    string Email,
    string District,
    string? Municipality,
    IReadOnlyList<string> KeyIds,
    bool Active = true);
