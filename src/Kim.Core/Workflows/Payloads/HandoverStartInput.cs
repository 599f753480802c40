using Kim.Core.Cases;

namespace Kim.Core.Workflows.Payloads;

/// <summary>The input of a handover instance, from the case's <c>start-handover</c>.</summary>
public sealed record HandoverStartInput(
    string CaseId,
    string Municipality,
    LegalDomain From,
    LegalDomain To,
    DateOnly TriggerDate,
    string? District = null);
