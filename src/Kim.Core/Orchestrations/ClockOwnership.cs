using Kim.Core.Records;
using Kim.Core.Workflows;

namespace Kim.Core.Orchestrations;

/// <summary>
/// Which orchestration keeps which timer and action of a record: each referral and each handover
/// its own (<c>{caseId}:r-1</c>, <c>{caseId}:h-1</c>), each follow-up of a case its own
/// (<c>{caseId}:f-1</c>: the follow-up's timer and its notice), the case clock (<c>{caseId}</c>)
/// everything else of the case. A pure function of the ids, so the waker and the orchestration
/// agree without storing anything.
/// </summary>
public static class ClockOwnership
{
    private const string NoticePrefix = "notify:";

    /// <summary>The orchestration that owns <paramref name="itemId"/> (a timer id or an action id) of the record.</summary>
    /// <param name="recordId">The record's instance id.</param>
    /// <param name="workflow">The record's workflow name.</param>
    /// <param name="itemId">A timer id or action id as the workflow names it.</param>
    /// <exception cref="ArgumentException">The workflow is none of Kim's.</exception>
    public static ClockAddress For(string recordId, string workflow, string itemId)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        return workflow switch
        {
            CaseWorkflow.WorkflowName when FollowUpOf(itemId) is { } followUpId =>
                new ClockAddress($"{recordId}:{followUpId}", nameof(FollowUpOrchestrator)),
            CaseWorkflow.WorkflowName => new ClockAddress(recordId, nameof(CaseClockOrchestrator)),
            ReferralWorkflow.WorkflowName => new ClockAddress(recordId, nameof(ReferralOrchestrator)),
            HandoverWorkflow.WorkflowName => new ClockAddress(recordId, nameof(HandoverOrchestrator)),
            _ => throw new ArgumentException($"No orchestration keeps records of workflow '{workflow}'.", nameof(workflow)),
        };
    }

    /// <summary>
    /// The follow-up a case item belongs to: its timer <c>followup:{id}</c> or the notice action
    /// <c>notify:followup:{id}:{unix seconds}</c> that firing it asks for; null for anything else.
    /// </summary>
    public static string? FollowUpOf(string itemId)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        var rest = itemId.StartsWith(NoticePrefix, StringComparison.Ordinal) ? itemId[NoticePrefix.Length..] : itemId;
        if (!rest.StartsWith(CaseTimers.FollowUpPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = rest[CaseTimers.FollowUpPrefix.Length..];
        var end = id.IndexOf(':', StringComparison.Ordinal);
        return end < 0 ? id : id[..end];
    }

    /// <summary>
    /// The record an orchestration reads: the case for the case clock and its follow-ups
    /// (<c>{caseId}:f-1</c>), else the instance id itself (<c>{caseId}:r-1</c>, <c>{caseId}:h-1</c>).
    /// </summary>
    public static string RecordOf(string orchestrationId)
    {
        ArgumentNullException.ThrowIfNull(orchestrationId);
        var caseId = InstanceIds.RootOf(orchestrationId);
        return orchestrationId.StartsWith(caseId + ":f-", StringComparison.Ordinal) ? caseId : orchestrationId;
    }
}
