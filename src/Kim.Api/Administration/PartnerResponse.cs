using Kim.Api.Access;

namespace Kim.Api.Administration;

/// <summary>A partner as the administration routes show it; <see cref="KeyIds"/> names its valid keys (never a key).</summary>
public sealed record PartnerResponse(
    string PartnerId,
    string Name,
    PartnerType Type,
    string Email,
    string? Municipality,
    bool Active,
    IReadOnlyList<string> KeyIds)
{
    public static PartnerResponse Of(Partner partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        return new(partner.Id, partner.Name, partner.Type, partner.Email, partner.Municipality, partner.Active, partner.KeyIds);
    }
}
