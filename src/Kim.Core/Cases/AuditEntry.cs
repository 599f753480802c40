namespace Kim.Core.Cases;

/// <summary>
/// One access to a case: who read or changed what, and when. Kept apart from the case history,
/// append-only, with personal accounts only, and without case content.
/// </summary>
/// <param name="Action">What was done, e.g. <c>read</c>, <c>change</c>, <c>download</c>, <c>export</c>.</param>
/// <param name="Target">What it was done to, e.g. <c>case</c>, <c>timeline</c>, <c>document:d-…</c>, or the event name of a change.</param>
public sealed record AuditEntry(string CaseId, DateTimeOffset At, string Actor, string Action, string Target);
