using System.Text.Json;
using Kim.Core;

namespace Kim.Api.Cases;

/// <summary><c>POST …/referrals/{referralId}/response</c> on a service's behalf: <c>{ decision: accepted | rejected, reason? }</c>.</summary>
public sealed record ReferralAnswerRequest(string? Decision, string? Reason = null)
{
    public RequestChecks Check() => new RequestChecks().Required("decision", Decision);

    public JsonElement AsPayload() => KimJson.ToElement(new { decision = Decision, reason = Reason });
}
