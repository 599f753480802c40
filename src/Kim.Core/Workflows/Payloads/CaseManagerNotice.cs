using Kim.Core.Cases;

namespace Kim.Core.Workflows.Payloads;

/// <summary>
/// Input of the <c>notify-case-manager</c> action. Only references, never client data or case
/// content: the mail says "case c-4f7k2: plan review due" and links to Kim.
/// </summary>
/// <param name="Assignee">The assigned case manager when the case knows one (referral and handover notices leave it to the handler to look up).</param>
/// <param name="Reference">An id inside the case: <c>r-1</c>, <c>f-2</c>, a step id, an expiry day.</param>
public sealed record CaseManagerNotice(
    string CaseId,
    string Municipality,
    AlertKind Kind,
    DateTimeOffset DueAt,
    string? Assignee = null,
    string? Reference = null);
