using Azure;
using Azure.Data.Tables;
using Kim.Core.Mail;
using Kim.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kim.Core.Reminders;

/// <summary>
/// Runs the reminder schedule from any clock that ticks: the Functions host's minute timer or the
/// standalone service. Progress is one row (table <see cref="StorageNames.SchedulesTable"/>): the
/// last processed occurrence, and while a run is under way the occurrence it runs and since when.
/// Every change is a replace with the ETag just read, so of two tickers only one claims an occurrence.
/// <list type="bullet">
/// <item>The first tick ever starts the schedule at that moment; nothing earlier runs.</item>
/// <item>Only the newest due occurrence runs: a digest shows the current state, so after a
/// downtime (or a schedule firing more often than the ticks) older occurrences are superseded; they
/// are logged as skipped.</item>
/// <item>A failed run gives its claim back and runs again on the next tick; a run that crashed is
/// taken over once its claim is older than the run timeout.</item>
/// </list>
/// </summary>
public sealed class ReminderTicker
{
    public const string PartitionKey = "schedule";
    public const string RowKey = "reminders";

    /// <summary>How long a claimed run may last before another ticker takes the occurrence over.</summary>
    public static readonly TimeSpan DefaultRunTimeout = TimeSpan.FromMinutes(15);

    private readonly ReminderSchedule _schedule;
    private readonly TableClient _table;
    private readonly IReminderJob _job;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _runTimeout;
    private readonly ILogger _logger;

    public ReminderTicker(
        ReminderSchedule schedule,
        TableClient table,
        IReminderJob job,
        TimeProvider timeProvider,
        ILogger<ReminderTicker>? logger = null,
        TimeSpan? runTimeout = null)
    {
        _schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _job = job ?? throw new ArgumentNullException(nameof(job));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _runTimeout = runTimeout ?? DefaultRunTimeout;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public ReminderSchedule Schedule => _schedule;

    /// <summary>Runs the newest occurrence due since the last processed one, if no other ticker is running one.</summary>
    public async Task<ReminderTickOutcome> TickAsync(CancellationToken cancellationToken)
    {
        var outcome = await TickCoreAsync(cancellationToken);
        ReminderLogs.Ticked(_logger, outcome);
        return outcome;
    }

    private async Task<ReminderTickOutcome> TickCoreAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var row = await _table.GetEntityOrDefaultAsync(PartitionKey, RowKey, cancellationToken: cancellationToken);
        if (row is null)
        {
            try
            {
                await _table.AddEntityAsync(Progress(now, null, null), cancellationToken);
                ReminderLogs.Started(_logger, _schedule.Expression, now);
                return ReminderTickOutcome.Started;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                return ReminderTickOutcome.RunningElsewhere; // another ticker started the schedule just now
            }
        }

        var processed = row.GetDateTimeOffset("Processed") ?? now;
        if (row.GetDateTimeOffset("RunningSince") is { } since && now - since < _runTimeout)
        {
            return ReminderTickOutcome.RunningElsewhere;
        }

        var due = _schedule.Occurrences(processed, now);
        if (due.Count == 0)
        {
            return ReminderTickOutcome.NothingDue;
        }

        var occurrence = due[^1];
        if (due.Count > 1)
        {
            ReminderLogs.Skipped(_logger, due.Count - 1, due[0].Id, due[^2].Id, occurrence.Id);
        }

        ETag claim;
        try
        {
            var response = await _table.UpdateEntityAsync(Progress(processed, occurrence.Instant, now), row.ETag, TableUpdateMode.Replace, cancellationToken);
            claim = response.Headers.ETag ?? default;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return ReminderTickOutcome.RunningElsewhere;
        }

        ReminderLogs.Running(_logger, occurrence.Id);
        try
        {
            await _job.RunAsync(occurrence, cancellationToken);
        }
        catch (Exception exception)
        {
            ReminderLogs.Failed(_logger, occurrence.Id, exception);
            await TryWriteAsync(Progress(processed, null, null), claim);
            throw;
        }

        if (!await TryWriteAsync(Progress(occurrence.Instant, null, null), claim))
        {
            ReminderLogs.TakenOver(_logger, occurrence.Id);
        }

        ReminderLogs.Ran(_logger, occurrence.Id);
        return ReminderTickOutcome.Ran;
    }

    /// <summary>Writes progress if the row is still the one this ticker claimed; false when another ticker changed it.</summary>
    private async Task<bool> TryWriteAsync(TableEntity progress, ETag claim)
    {
        try
        {
            // Not cancelled: the run is over either way, and its progress must not be lost to a shutdown.
            await _table.UpdateEntityAsync(progress, claim, TableUpdateMode.Replace, CancellationToken.None);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    private TableEntity Progress(DateTimeOffset processed, DateTimeOffset? running, DateTimeOffset? runningSince)
    {
        var row = new TableEntity(PartitionKey, RowKey)
        {
            { "Processed", processed },
            { "Expression", _schedule.Expression },
        };
        row["Running"] = running;
        row["RunningSince"] = runningSince;
        return row;
    }
}
