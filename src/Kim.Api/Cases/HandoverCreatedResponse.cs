using Kim.Core.Cases;

namespace Kim.Api.Cases;

/// <summary>201 of <c>POST …/handovers</c>: the new handover's id with its computed target, hard deadline and steps.</summary>
public sealed record HandoverCreatedResponse(
    string Id,
    LegalDomain From,
    LegalDomain To,
    DateOnly TriggerDate,
    DateOnly Target,
    DateOnly HardDeadline,
    IReadOnlyList<HandoverStepResponse> Steps);
