using System.Text.Json;
using Kim.Core;

namespace Kim.Api.Cases;

/// <summary><c>POST …/referrals/{referralId}/outcome</c>: <c>{ successful, reason?, note? }</c>; unsuccessful needs a reason.</summary>
public sealed record OutcomeRequest(bool? Successful, string? Reason = null, string? Note = null)
{
    public RequestChecks Check() => new RequestChecks().Required("successful", Successful);

    public JsonElement AsPayload() => KimJson.ToElement(new { successful = Successful, reason = Reason, note = Note });
}
