using Azure;
using Azure.Data.Tables;
using Kim.Core.Storage;

namespace Kim.Core.Mail;

/// <summary>
/// The <see cref="IMailLedger"/> on Table Storage (table <see cref="StorageNames.MailLedgerTable"/>),
/// with the semantics of <see cref="InMemoryMailLedger"/>. One row per delivery: PartitionKey
/// <c>{kind}|{recipient}</c> (the mails of one kind to one person, so a digest run to every case
/// manager spreads over partitions), RowKey the <see cref="MailDeliveryKey.Value"/>, which is a
/// valid row key by construction. A claim is atomic: insert; on 409 read the row and take a stale
/// claim over by replacing it with the ETag just read, so that of two runs only one wins (412).
/// https://learn.microsoft.com/rest/api/storageservices/table-service-concurrency
/// </summary>
public sealed class TableMailLedger(TableClient table) : IMailLedger
{
    private const string StateClaimed = "claimed";
    private const string StateSent = "sent";

    /// <summary>Insert, read, replace: a row deleted or replaced between the steps starts the round again, a few times at most.</summary>
    private const int MaxClaimRounds = 4;

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));

    public async Task<MailClaimResult> TryClaimAsync(MailDeliveryKey key, DateTimeOffset now, TimeSpan? takeOverAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var partitionKey = key.LedgerPartition;
        for (var round = 0; round < MaxClaimRounds; round++)
        {
            try
            {
                await _table.AddEntityAsync(ClaimRow(key, now), cancellationToken);
                return MailClaimResult.Claimed;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // The row exists: sent, or claimed by another run.
            }

            var existing = await _table.GetEntityOrDefaultAsync(partitionKey, key.Value, cancellationToken: cancellationToken);
            if (existing is null)
            {
                continue; // released in between: insert again
            }

            if (IsSent(existing))
            {
                return MailClaimResult.AlreadySent;
            }

            var claimedAt = existing.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue;
            if (takeOverAfter is null || now - claimedAt < takeOverAfter.Value)
            {
                return MailClaimResult.ClaimedElsewhere;
            }

            try
            {
                await _table.UpdateEntityAsync(ClaimRow(key, now), existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return MailClaimResult.Claimed;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                return MailClaimResult.ClaimedElsewhere; // another run took it over (or recorded it) first
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Released in between: insert again.
            }
        }

        return MailClaimResult.ClaimedElsewhere;
    }

    public async Task RecordSentAsync(MailDeliveryKey key, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);

        // Merge keeps ClaimedAt. Unconditional: "sent" is final, whoever holds the claim now.
        var row = new TableEntity(key.LedgerPartition, key.Value)
        {
            { "State", StateSent },
            { "SentAt", sentAt },
        };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task ReleaseAsync(MailDeliveryKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var partitionKey = key.LedgerPartition;
        var existing = await _table.GetEntityOrDefaultAsync(partitionKey, key.Value, cancellationToken: cancellationToken);
        if (existing is null || IsSent(existing))
        {
            return;
        }

        try
        {
            // With the ETag just read: a row recorded as sent (or claimed anew) in between stays.
            await _table.DeleteEntityAsync(partitionKey, key.Value, existing.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Changed in between: no longer the claim we meant to give back.
        }
    }

    /// <summary>
    /// One query per deadline kind over the row-key range of the case, across partitions (the
    /// recipient is the partition): a scan of the ledger on the server, acceptable for a deletion
    /// that happens once per case.
    /// </summary>
    public async Task<int> ForgetCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        var deleted = 0;
        foreach (var kind in MailDeliveryKey.DeadlineKinds)
        {
            var prefix = MailDeliveryKey.CasePrefix(kind, caseId);
            var filter = TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {prefix + "~"}");
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                if (MailDeliveryKey.IsAboutCase(row.RowKey, caseId))
                {
                    await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                    deleted++;
                }
            }
        }

        return deleted;
    }

    /// <summary>When the mail was recorded as sent; null when not (yet).</summary>
    public async Task<DateTimeOffset?> SentAtAsync(MailDeliveryKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var row = await _table.GetEntityOrDefaultAsync(key.LedgerPartition, key.Value, cancellationToken: cancellationToken);
        return row is not null && IsSent(row) ? row.GetDateTimeOffset("SentAt") : null;
    }

    private static TableEntity ClaimRow(MailDeliveryKey key, DateTimeOffset now) => new(key.LedgerPartition, key.Value)
    {
        { "State", StateClaimed },
        { "ClaimedAt", now },
    };

    private static bool IsSent(TableEntity row) =>
        string.Equals(row.GetString("State"), StateSent, StringComparison.Ordinal) || row.GetDateTimeOffset("SentAt") is not null;
}
