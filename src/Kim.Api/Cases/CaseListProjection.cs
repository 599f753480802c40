using Azure.Data.Tables;
using Kim.Core;
using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Storage;
using Kim.Core.Workflows;

namespace Kim.Api.Cases;

/// <summary>
/// The case list per municipality (table <see cref="StorageNames.CaseListTable"/>: partition =
/// municipality, row = case id), kept by observing case commits. Derived and possibly behind or
/// missed: a row is only written when it is newer (by the instance's sequence) than the one stored,
/// and readers that act on a row re-read the instance.
/// </summary>
public sealed class CaseListProjection(TableServiceClient tables) : IInstanceObserver
{
    private TableClient Table => tables.GetTableClient(StorageNames.CaseListTable);

    public async Task OnCommittedAsync(InstanceRecord instance, HistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.Workflow != CaseWorkflow.WorkflowName || instance.StateAs<CaseWorkflowState>() is not { } state)
        {
            return;
        }

        var openFollowUps = state.FollowUps.Where(f => f.DoneAt is null).ToList();
        var row = new TableEntity(state.Municipality, state.CaseId)
        {
            ["State"] = state.State.ToName(),
            ["Assignee"] = state.Assignee,
            ["NextDue"] = state.NextDue,
            ["Overdue"] = state.Overdue,
            ["UpdatedAt"] = instance.UpdatedAt,
            ["Sequence"] = instance.Sequence,
            ["HasOpenFollowUps"] = openFollowUps.Count > 0,
            ["NextFollowUpDue"] = openFollowUps.Count > 0 ? openFollowUps.Min(f => f.DueAt) : null,
        };

        // Two commits of one case can be observed out of order: write only over an older row, guarded by its ETag.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var existing = await Table.GetEntityOrDefaultAsync(state.Municipality, state.CaseId, cancellationToken: cancellationToken);
            if (existing?.GetInt64("Sequence") is { } stored && stored >= instance.Sequence)
            {
                return;
            }

            try
            {
                if (existing is null)
                {
                    await Table.AddEntityAsync(row, cancellationToken);
                }
                else
                {
                    await Table.UpdateEntityAsync(row, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (Azure.RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another observer wrote first: read again and compare.
            }
        }
    }

    /// <summary>One page of the municipality's cases, in case id order.</summary>
    public async Task<(IReadOnlyList<CaseListRow> Rows, string? ContinuationToken)> ListAsync(CaseListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = new List<string>
        {
            TableClient.CreateQueryFilter($"PartitionKey eq {query.Municipality}"),
            TableClient.CreateQueryFilter($"RowKey gt {query.After ?? string.Empty}"),
        };
        if (query.State is not null)
        {
            filter.Add(TableClient.CreateQueryFilter($"State eq {query.State}"));
        }

        if (query.Assignee is not null)
        {
            filter.Add(TableClient.CreateQueryFilter($"Assignee eq {query.Assignee}"));
        }

        if (query.Overdue is { } overdue)
        {
            filter.Add(TableClient.CreateQueryFilter($"Overdue eq {overdue}"));
        }

        var rows = new List<CaseListRow>();
        await foreach (var page in Table.QueryAsync<TableEntity>(string.Join(" and ", filter), maxPerPage: query.PageSize, cancellationToken: cancellationToken).AsPages())
        {
            rows.AddRange(page.Values.Select(Read).Take(query.PageSize - rows.Count));
            if (rows.Count == query.PageSize)
            {
                break;
            }
        }

        return (rows, rows.Count == query.PageSize ? rows[^1].CaseId : null);
    }

    /// <summary>The municipality's cases assigned to <paramref name="assignee"/> with an open follow-up due before <paramref name="dueBefore"/>.</summary>
    public async Task<IReadOnlyList<CaseListRow>> WithOpenFollowUpsAsync(
        string municipality, string assignee, DateTimeOffset? dueBefore, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {municipality} and Assignee eq {assignee} and HasOpenFollowUps eq {true}");
        if (dueBefore is { } before)
        {
            filter += " and " + TableClient.CreateQueryFilter($"NextFollowUpDue lt {before}");
        }

        var rows = new List<CaseListRow>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(Read(row));
        }

        return rows;
    }

    public async Task DeleteAsync(string municipality, string caseId, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(municipality, caseId, cancellationToken: cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // Already gone: deleting is idempotent.
        }
    }

    private static CaseListRow Read(TableEntity row) => new(
        row.PartitionKey,
        row.RowKey,
        row.GetString("State") ?? string.Empty,
        row.GetString("Assignee"),
        row.GetDateTimeOffset("NextDue"),
        row.GetBoolean("Overdue") ?? false,
        row.GetDateTimeOffset("UpdatedAt") ?? default,
        row.GetInt64("Sequence") ?? 0,
        row.GetDateTimeOffset("NextFollowUpDue"));
}
