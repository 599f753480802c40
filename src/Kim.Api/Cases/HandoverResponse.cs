using Kim.Core.Cases;
using Kim.Core.Workflows;

namespace Kim.Api.Cases;

/// <summary>A handover of a case; <see cref="HandoverId"/> is the handover instance id (<c>c-…:h-1</c>).</summary>
public sealed record HandoverResponse(
    string HandoverId,
    LegalDomain From,
    LegalDomain To,
    DateOnly TriggerDate,
    DateOnly Target,
    DateOnly HardDeadline,
    IReadOnlyList<HandoverStepResponse> Steps,
    HandoverStatus Status);
