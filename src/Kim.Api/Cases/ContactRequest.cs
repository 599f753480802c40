using System.Text.Json;
using Kim.Core;

namespace Kim.Api.Cases;

/// <summary><c>POST …/contacts</c>: <c>at</c> (instant with offset; default now), <c>channel</c>, <c>note</c>.</summary>
public sealed record ContactRequest(string? At, string? Channel, string? Note)
{
    public RequestChecks Check() => new RequestChecks().Required("channel", Channel);

    public JsonElement AsPayload() => KimJson.ToElement(new { at = At, channel = Channel, note = Note });
}
