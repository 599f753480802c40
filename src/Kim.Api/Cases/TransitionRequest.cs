using System.Text.Json;
using Kim.Core;

namespace Kim.Api.Cases;

/// <summary>
/// <c>POST …/transitions/{transition}</c>: <c>reason</c> (decline: free text; close: a closure reason),
/// <c>goals</c> (agree-plan: texts or <c>{ text, lifeDomain?, targetDate? }</c>), <c>note</c> (close).
/// </summary>
public sealed record TransitionRequest(string? Reason = null, JsonElement? Goals = null, string? Note = null)
{
    public JsonElement AsPayload() => KimJson.ToElement(new { reason = Reason, goals = Goals, note = Note });
}
