using Kim.Core.Cases;

namespace Kim.Core.Workflows;

/// <summary>A handover as its case shows it: plan, steps and whether it is still running.</summary>
public sealed record HandoverSummary(
    string HandoverId,
    string InstanceId,
    string Kind,
    LegalDomain From,
    LegalDomain To,
    DateOnly TriggerDate,
    DateOnly Target,
    DateOnly HardDeadline,
    IReadOnlyList<HandoverStepStatus> Steps,
    HandoverStatus Status = HandoverStatus.Open);
