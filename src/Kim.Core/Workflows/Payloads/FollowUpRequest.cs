namespace Kim.Core.Workflows.Payloads;

/// <summary>
/// <c>add-follow-up</c>: <c>{ "dueAt", "note" }</c>; <c>dueAt</c> is an instant with offset, or a day
/// (<c>2026-12-01</c>), which means 08:00 Europe/Berlin on that day.
/// </summary>
public sealed record FollowUpRequest(string DueAt, string Note);
