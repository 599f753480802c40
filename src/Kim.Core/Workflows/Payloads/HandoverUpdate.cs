namespace Kim.Core.Workflows.Payloads;

/// <summary>
/// What a handover tells its case: raised as <c>handover-updated</c> when a step is confirmed, and
/// the output of its completion.
/// </summary>
public sealed record HandoverUpdate(string HandoverId, HandoverStatus Status, IReadOnlyList<HandoverStepStatus> Steps);
