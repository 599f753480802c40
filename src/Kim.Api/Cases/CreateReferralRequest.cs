using System.Text.Json;
using Kim.Core;

namespace Kim.Api.Cases;

/// <summary><c>POST …/referrals</c>: <c>partnerId</c> or <c>service</c>, <c>purpose</c>, <c>respondBy</c>? (day or instant), <c>consentId</c>?.</summary>
public sealed record CreateReferralRequest(string? PartnerId, string? Service, string? Purpose, string? RespondBy = null, string? ConsentId = null)
{
    public JsonElement AsPayload() => KimJson.ToElement(new
    {
        partnerId = PartnerId,
        service = Service,
        purpose = Purpose ?? string.Empty,
        respondBy = RespondBy,
        consentId = ConsentId,
    });
}
