using System.Collections.Concurrent;
using Kim.Api.Access;
using Kim.Core.Mail;
using Kim.Core.Records;
using Kim.Core.Reminders;
using Kim.Core.Workflows;

namespace Kim.Api.Reminders;

/// <summary>
/// The daily digest (<see cref="IReminderJob"/>): per case manager, the follow-ups due today and
/// overdue, the partner answers overdue and the handover steps due within 5 working days.
/// <list type="number">
/// <item>Reads the due-date index rows visible at the occurrence (<see cref="DueIndex.ListVisibleAsync"/>):
/// one query per district, whatever the number of cases.</item>
/// <item>Re-reads each case those rows name (one read per case due) and takes its items from the
/// case's current state (<see cref="CaseDueItems.DigestItems"/>), with its current assignee; rows the
/// case no longer has are dropped from the index.</item>
/// <item>Routes items (<see cref="DigestRouting"/>: the assignee, else every case manager of the
/// municipality; one staff query per district) and sends each digest through
/// <see cref="MailDispatcher"/> keyed by occurrence and recipient, so a repeated or concurrent run
/// sends nobody a second digest. Nothing due, no mail.</item>
/// </list>
/// A failed send does not stop the others; the job then fails so that the ticker runs the
/// occurrence again, which sends only the digests still missing.
/// </summary>
public sealed class DigestJob(
    DueIndex index,
    WorkflowClient workflows,
    IAccessDirectory directory,
    DigestComposer composer,
    MailDispatcher dispatcher,
    ILogger<DigestJob> logger) : IReminderJob
{
    private const int ParallelReads = 8;

    public async Task RunAsync(ReminderOccurrence occurrence, CancellationToken cancellationToken)
    {
        var calendar = index.Calendar;
        var rows = await index.ListVisibleAsync(occurrence.Instant, cancellationToken);
        var cases = new ConcurrentDictionary<string, CaseWorkflowState>(StringComparer.Ordinal);
        var stale = 0;
        await Parallel.ForEachAsync(
            rows.GroupBy(r => r.CaseId, StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (group, token) =>
            {
                var snapshot = await workflows.GetAsync(group.Key, token);
                var state = snapshot is { Status: WorkflowStatus.Running or WorkflowStatus.Suspended } ? snapshot.StateAs<CaseWorkflowState>() : null;
                var current = state is null
                    ? []
                    : CaseDueItems.Entries(state, calendar).Select(e => DueIndex.RowKey(e.VisibleFrom, state.CaseId, e.ItemId)).ToHashSet(StringComparer.Ordinal);
                foreach (var row in group.Where(r => !current.Contains(r.RowKey)))
                {
                    await index.DeleteStaleAsync(row, token);
                    Interlocked.Increment(ref stale);
                }

                if (state is not null)
                {
                    cases[state.CaseId] = state;
                }
            });

        var items = new List<RoutableDueItem>();
        var districts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var state in cases.Values.OrderBy(s => s.CaseId, StringComparer.Ordinal))
        {
            var due = CaseDueItems.DigestItems(state, occurrence, calendar);
            if (due.Count == 0)
            {
                continue;
            }

            if (await directory.DistrictOfCaseAsync(state, cancellationToken) is not { } district)
            {
                DigestLogs.Unroutable(logger, occurrence.Id, state.CaseId, state.Municipality);
                continue;
            }

            districts.Add(district);
            items.AddRange(due.Select(item => new RoutableDueItem(item, new MunicipalityId(state.Municipality), state.Assignee)));
        }

        var caseManagers = new List<CaseManagerContact>();
        foreach (var district in districts.Order(StringComparer.Ordinal))
        {
            foreach (var staff in await directory.ListStaffAsync(district, null, StaffRole.CaseManager, cancellationToken))
            {
                if (staff.Municipality is { } municipality && MailAddress.TryCreate(staff.Email) is { } address)
                {
                    caseManagers.Add(new CaseManagerContact(staff.Id, new MunicipalityId(municipality), address));
                }
            }
        }

        var routing = DigestRouting.Route(items, caseManagers);
        foreach (var lost in routing.Unroutable.DistinctBy(u => u.Item.Case))
        {
            DigestLogs.Unroutable(logger, occurrence.Id, lost.Item.Case.Value, lost.Municipality.Value);
        }

        int sent = 0, skipped = 0;
        var failures = new List<Exception>();
        foreach (var batch in routing.Batches)
        {
            if (composer.Compose(batch.Recipient.Address, occurrence.LocalDate, batch.Items) is not { } message)
            {
                continue;
            }

            try
            {
                var outcome = await dispatcher.SendOnceAsync(MailDeliveryKey.ForDigest(batch.Recipient.Address, occurrence), message, cancellationToken);
                if (outcome == MailDeliveryOutcome.Sent)
                {
                    sent++;
                }
                else
                {
                    skipped++;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failures.Add(exception);
            }
        }

        DigestLogs.Ran(logger, occurrence.Id, rows.Count, cases.Count, stale, items.Count, routing.Batches.Count, sent, skipped, failures.Count);
        if (failures.Count > 0)
        {
            throw new AggregateException($"{failures.Count} of {routing.Batches.Count} digests of {occurrence.Id} failed; the occurrence runs again.", failures);
        }
    }
}
