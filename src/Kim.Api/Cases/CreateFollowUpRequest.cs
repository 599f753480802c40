using System.Text.Json;
using Kim.Core;

namespace Kim.Api.Cases;

/// <summary><c>POST …/followups</c>: <c>dueAt</c> (day or instant with offset) and <c>note</c>.</summary>
public sealed record CreateFollowUpRequest(string? DueAt, string? Note)
{
    public RequestChecks Check() => new RequestChecks().Required("dueAt", DueAt).Required("note", Note);

    public JsonElement AsPayload() => KimJson.ToElement(new { dueAt = DueAt, note = Note });
}
