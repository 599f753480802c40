using System.Text.Json;
using Kim.Core;

namespace Kim.Api.Cases;

/// <summary>A body with an optional reason (withdrawing a referral).</summary>
public sealed record ReasonRequest(string? Reason = null)
{
    public JsonElement AsPayload() => KimJson.ToElement(new { reason = Reason });
}
