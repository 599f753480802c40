using System.Text.Json;
using Kim.Core;

namespace Kim.Api.Cases;

/// <summary><c>POST …/handovers</c>: <c>{ from: "AsylbLG", to: "SGB II", triggerDate: "2026-11-10" }</c>.</summary>
public sealed record StartHandoverRequest(string? From, string? To, string? TriggerDate)
{
    public RequestChecks Check() => new RequestChecks().Required("from", From).Required("to", To).Required("triggerDate", TriggerDate);

    public JsonElement AsPayload() => KimJson.ToElement(new { from = From, to = To, triggerDate = TriggerDate });
}
