using Kim.Api.Access;
using Kim.Api.Workflows;
using Kim.Core;
using Kim.Core.Records;
using Kim.Core.Reports;
using Kim.Core.Workflows;

namespace Kim.Api.Reports;

/// <summary>
/// Keeps each case's statistics row (docs/reports.md) by observing case commits: the row is computed
/// by <see cref="CaseStatistics.Of"/> and written whole by <see cref="CaseStatisticsStore"/>, so a
/// repeated or late call changes nothing. A missed call is made good by the case's next commit, by
/// the purge (<see cref="FinishAsync"/>) or by <see cref="RebuildAsync"/>.
/// </summary>
public sealed class CaseStatisticsProjection(CaseStatisticsStore store, IAccessDirectory directory, TimingConfiguration timing) : IInstanceObserver
{
    /// <summary>The partner types of Kim by their JSON names (<c>job-centre</c> …), for sources and recipients.</summary>
    public static IReadOnlyList<string> PartnerTypes { get; } = [.. Enum.GetValues<PartnerType>().Select(KimJson.Name)];

    public Task OnCommittedAsync(InstanceRecord instance, HistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Workflow == CaseWorkflow.WorkflowName && InstanceIds.IsRoot(instance.InstanceId)
            && instance.StateAs<CaseWorkflowState>() is { } state
            ? ProjectAsync(state, instance.Sequence, state.PurgeRequestedAt is null, rewrite: false, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>
    /// The last word before a case is deleted: brings its row up to date (if it has one) and deletes
    /// the mapping from the case to the row, after which the row names no case.
    /// </summary>
    public async Task FinishAsync(string caseId, InstanceSnapshot? instance, CancellationToken cancellationToken)
    {
        if (instance?.StateAs<CaseWorkflowState>() is { } state)
        {
            await ProjectAsync(state, instance.Sequence, mayCreate: false, rewrite: true, cancellationToken);
        }

        await store.ForgetAsync(caseId, cancellationToken);
    }

    /// <summary>Writes the row of every case the runtime holds (after lost observer calls); returns how many.</summary>
    public async Task<int> RebuildAsync(WorkflowClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var count = 0;
        string? next = null;
        do
        {
            var page = await workflows.ListByWorkflowAsync(CaseWorkflow.WorkflowName, next, cancellationToken: cancellationToken);
            foreach (var instance in page.Instances.Where(i => InstanceIds.IsRoot(i.InstanceId)))
            {
                if (instance.StateAs<CaseWorkflowState>() is { } state)
                {
                    await ProjectAsync(state, instance.Sequence, state.PurgeRequestedAt is null, rewrite: true, cancellationToken);
                    count++;
                }
            }

            next = page.ContinueAfter;
        }
        while (next is not null);
        return count;
    }

    private async Task ProjectAsync(CaseWorkflowState state, long sequence, bool mayCreate, bool rewrite, CancellationToken cancellationToken)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var partnerId in state.Referrals.Select(r => r.PartnerId).Append(state.Source.PartnerId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await directory.FindPartnerAsync(partnerId, cancellationToken) is { } partner)
            {
                types[partnerId] = KimJson.Name(partner.Type);
            }
        }

        await store.WriteAsync(state.CaseId, state.District, sequence, mayCreate, rewrite, CaseStatistics.Of(state, types, timing.Calendar), cancellationToken);
    }
}
