namespace Kim.Core.Workflows.Payloads;

/// <summary>
/// Input of <c>notify-hard-deadline-missed</c> (for coordinators) and <c>purge-case</c>: a case
/// reference and municipality, nothing else.
/// </summary>
public sealed record CaseReference(string CaseId, string Municipality);
