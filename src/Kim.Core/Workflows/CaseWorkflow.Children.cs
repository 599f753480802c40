using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows.Payloads;

namespace Kim.Core.Workflows;

/// <summary>What the case learns from its referral and handover instances.</summary>
public sealed partial class CaseWorkflow
{
    private Decision<CaseWorkflowState> OnChildCompleted(CaseWorkflowState s, ChildCompleted child)
    {
        if (child.ChildWorkflow == ReferralWorkflow.WorkflowName && child.Output is { } referralOutput)
        {
            return ApplyReferralUpdate(s, Payload.Read<ReferralUpdate>(referralOutput) with { ReferralId = child.ChildInstanceId });
        }

        if (child.ChildWorkflow == HandoverWorkflow.WorkflowName)
        {
            var update = child.Output is { } handoverOutput && child.Status == WorkflowStatus.Completed
                ? Payload.Read<HandoverUpdate>(handoverOutput) with { HandoverId = child.ChildInstanceId }
                : null;
            var index = s.Handovers.FindIndex(h => h.InstanceId == child.ChildInstanceId);
            if (index < 0)
            {
                return Unchanged(s);
            }

            var ended = s.Handovers[index] with
            {
                Status = update?.Status is HandoverStatus.Completed ? HandoverStatus.Completed : HandoverStatus.Cancelled,
                Steps = update?.Steps ?? s.Handovers[index].Steps,
            };
            var state = s with { Handovers = s.Handovers.SetItem(index, ended) };
            if (state.State == CaseState.HandoverPending && state.Handovers.All(h => h.Status != HandoverStatus.Open))
            {
                state = state with { State = CaseState.Monitoring };
            }

            return Done(state, new TimerBook(s.Timers));
        }

        return Unchanged(s);
    }

    private Decision<CaseWorkflowState> ApplyReferralUpdate(CaseWorkflowState s, ReferralUpdate update)
    {
        var index = s.Referrals.FindIndex(r => r.InstanceId == update.ReferralId);
        if (index < 0)
        {
            return Unchanged(s);
        }

        var referral = s.Referrals[index] with
        {
            State = update.State,
            RespondedAt = update.RespondedAt ?? s.Referrals[index].RespondedAt,
            Reason = update.Reason ?? s.Referrals[index].Reason,
            Successful = update.Successful ?? s.Referrals[index].Successful,
        };
        return Done(s with { Referrals = s.Referrals.SetItem(index, referral) }, new TimerBook(s.Timers));
    }

    private Decision<CaseWorkflowState> ApplyHandoverUpdate(CaseWorkflowState s, HandoverUpdate update)
    {
        var index = s.Handovers.FindIndex(h => h.InstanceId == update.HandoverId);
        return index < 0
            ? Unchanged(s)
            : Done(s with { Handovers = s.Handovers.SetItem(index, s.Handovers[index] with { Steps = [.. update.Steps] }) }, new TimerBook(s.Timers));
    }
}
