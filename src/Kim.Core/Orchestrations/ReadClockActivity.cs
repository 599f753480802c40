using Kim.Core.Records;
using Microsoft.DurableTask;

namespace Kim.Core.Orchestrations;

/// <summary>
/// Reads what the asking orchestration keeps of a record (<see cref="ClockOwnership"/>), with each
/// timer's remaining wait by the app's clock. Reading is the orchestration's only view of the
/// record, so a lost, late or repeated wake-up changes nothing. A record found gone whose case is
/// gone too marks the case for <see cref="CaseInstancePurge"/> again: the asking instance ends, and
/// the sweeps purge it even when a late wake-up started it after the case's deletion was done.
/// (A referral or handover record can be missing in a live case: a commit that planned it failed
/// after its wake-up was written to the outbox. Its clock just ends; the case's deletion purges it.)
/// </summary>
/// <param name="records">The records.</param>
/// <param name="instancePurge">Marks the case of a record found gone; null marks nothing (unit tests of the orchestrations).</param>
public sealed class ReadClockActivity(RecordKeeper records, CaseInstancePurge? instancePurge = null) : TaskActivity<ClockRead, ClockView>
{
    /// <inheritdoc />
    public override async Task<ClockView> RunAsync(TaskActivityContext context, ClockRead input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var record = await records.Clock.ReadAsync(input.RecordId);
        if (record is null)
        {
            var caseId = InstanceIds.RootOf(input.RecordId);
            if (instancePurge is not null && (caseId == input.RecordId || await records.Clock.ReadAsync(caseId) is null))
            {
                await instancePurge.MarkAsync(caseId, CancellationToken.None);
            }

            return ClockView.Gone;
        }

        var now = records.Clock.Time.GetUtcNow();
        bool Owned(string itemId) => ClockOwnership.For(record.InstanceId, record.Workflow, itemId).InstanceId == input.OrchestrationId;
        return new ClockView(
            true,
            record.IsEnded,
            [.. record.Timers.Where(t => Owned(t.TimerId)).OrderBy(t => t.DueAt).Select(t => new ClockTimer(t.TimerId, t.Generation, t.DueAt, t.DueAt - now))],
            [.. record.Actions.Where(a => Owned(a.ActionId)).Select(a => new ClockAction(a.ActionId, a.Generation))]);
    }
}
