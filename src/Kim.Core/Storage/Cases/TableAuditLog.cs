using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Kim.Core.Cases;

namespace Kim.Core.Storage.Cases;

/// <summary>
/// The access log on Table Storage, as hash chains (<see cref="AuditChain"/>) in one table:
/// <list type="bullet">
/// <item>a chain per partition (the case id, or <c>district|{district}</c>): entries under
/// <c>e|{sequence:D12}</c>, so a partition query reads them in chain order, and the head under
/// <c>head</c> (sequence, hash and entry id of the last entry);</item>
/// <item>an index copy of every entry under <c>day|{district}|{yyyy-MM-dd}</c> (UTC day) /
/// <c>{UTC ticks:D19}|{chain}|{sequence:D12}</c>, for queries by person and period without a table scan;</item>
/// <item>the chains of a district under <c>chains|{district}</c> / chain id, for verifying them all.</item>
/// </list>
/// An append writes the entry and advances the head in one entity-group transaction, the head
/// replaced only with the ETag it was read with (inserted when new): two concurrent appends can never
/// both link to the same predecessor; the loser re-reads the head and links to the winner. A retried
/// append (the transaction's answer was lost) finds its entry id at the head or at the sequence it
/// tried, and does not append again. The index copy is written after the chain (an idempotent upsert);
/// the chain, not the index, is the record.
/// </summary>
public sealed class TableAuditLog(TableClient table) : IAuditLog
{
    private const string HeadRow = "head";
    private const string EntryPrefix = "e|";
    private const string DayPrefix = "day|";
    private const string ChainsPrefix = "chains|";

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entryId = Guid.NewGuid().ToString("N");
        var chainId = entry.ChainId;
        while (true)
        {
            var headRow = await table.GetEntityOrDefaultAsync(chainId, HeadRow, cancellationToken: cancellationToken);
            var head = headRow is null ? null : ToHead(headRow);
            if (head?.EntryId == entryId)
            {
                break;
            }

            if (head is null)
            {
                await table.UpsertEntityAsync(
                    new TableEntity(ChainsPrefix + entry.District, chainId), TableUpdateMode.Replace, cancellationToken);
            }

            var record = AuditChain.Next(head, entry, entryId);
            var newHead = new TableEntity(chainId, HeadRow)
            {
                ["Sequence"] = record.Sequence,
                ["Hash"] = record.Hash,
                ["EntryId"] = entryId,
            };
            try
            {
                await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, ToEntity(record, chainId, EntryKey(record.Sequence))),
                    headRow is null
                        ? new TableTransactionAction(TableTransactionActionType.Add, newHead)
                        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, newHead, headRow.ETag),
                ], cancellationToken);
                await WriteIndexAsync(record, cancellationToken);
                return;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // Another append won this sequence, or this one did and its answer was lost.
                if (await table.GetEntityOrDefaultAsync(chainId, EntryKey(record.Sequence), cancellationToken: cancellationToken) is { } row
                    && row.GetString("EntryId") == entryId)
                {
                    await WriteIndexAsync(record, cancellationToken);
                    return;
                }
            }
        }
    }

    public async IAsyncEnumerable<AuditEntry> ReadAsync(string caseId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var record in ReadChainAsync(caseId, cancellationToken))
        {
            yield return record.Entry;
        }
    }

    public async Task<(IReadOnlyList<AuditRecord> Records, string? ContinuationToken)> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = query.CaseId is { } caseId
            ? TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and RowKey ge {EntryPrefix} and RowKey lt {EntryPrefix + "~"} and At ge {query.From} and At le {query.To}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {DayKey(query.District, query.From)} and PartitionKey le {DayKey(query.District, query.To)} and At ge {query.From} and At le {query.To}");
        if (query.Actor is { } actor)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Actor eq {actor}");
        }

        var token = query.ContinuationToken is null ? null : DecodeToken(query.ContinuationToken);
        try
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, query.PageSize, cancellationToken: cancellationToken).AsPages(token))
            {
                return ([.. page.Values.Select(FromRow)], page.ContinuationToken is { Length: > 0 } next ? EncodeToken(next) : null);
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 400)
        {
            throw new ArgumentException("not a continuation token of the audit", nameof(query), exception);
        }

        return ([], null);
    }

    public async Task<AuditVerification> VerifyAsync(string district, string? caseId, CancellationToken cancellationToken)
    {
        var chains = new List<string>();
        if (caseId is not null)
        {
            chains.Add(caseId);
        }
        else
        {
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ChainsPrefix + district}"), cancellationToken: cancellationToken))
            {
                chains.Add(row.RowKey);
            }
        }

        long entries = 0;
        foreach (var chainId in chains)
        {
            var records = await ReadChainAsync(chainId, cancellationToken).ToListAsync(cancellationToken);
            entries += records.Count;
            var headRow = await table.GetEntityOrDefaultAsync(chainId, HeadRow, cancellationToken: cancellationToken);
            if (AuditChain.Verify(chainId, records, headRow is null ? null : ToHead(headRow)) is { } broken)
            {
                return new AuditVerification(chains.Count, entries, broken);
            }
        }

        return new AuditVerification(chains.Count, entries, null);
    }

    public async Task<int> ForgetCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        var records = await ReadChainAsync(caseId, cancellationToken).ToListAsync(cancellationToken);

        // Index copies first, then the chain: a deletion stopped half-way still finds what is left through the chain.
        foreach (var record in records)
        {
            await table.DeleteEntityAsync(
                DayKey(record.Entry.District, record.Entry.At), IndexKey(record), ETag.All, cancellationToken);
        }

        await table.DeleteRowsAsync(caseId, records.Select(r => EntryKey(r.Sequence)).Append(HeadRow), cancellationToken);

        foreach (var district in records.Select(r => r.Entry.District).Distinct(StringComparer.Ordinal))
        {
            await table.DeleteEntityAsync(ChainsPrefix + district, caseId, ETag.All, cancellationToken);
        }

        return records.Count;
    }

    private async IAsyncEnumerable<AuditRecord> ReadChainAsync(string chainId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {chainId} and RowKey ge {EntryPrefix} and RowKey lt {EntryPrefix + "~"}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return FromRow(row);
        }
    }

    private Task WriteIndexAsync(AuditRecord record, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(ToEntity(record, DayKey(record.Entry.District, record.Entry.At), IndexKey(record)), TableUpdateMode.Replace, cancellationToken);

    private static string IndexKey(AuditRecord record) =>
        string.Create(CultureInfo.InvariantCulture, $"{record.Entry.At.UtcTicks:D19}|{record.ChainId}|{record.Sequence:D12}");

    private static string EntryKey(long sequence) => string.Create(CultureInfo.InvariantCulture, $"{EntryPrefix}{sequence:D12}");

    private static string DayKey(string district, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{DayPrefix}{district}|{at.UtcDateTime:yyyy-MM-dd}");

    private static TableEntity ToEntity(AuditRecord record, string partitionKey, string rowKey)
    {
        var row = new TableEntity(partitionKey, rowKey)
        {
            ["Chain"] = record.ChainId,
            ["Sequence"] = record.Sequence,
            ["At"] = record.Entry.At,
            ["Actor"] = record.Entry.Actor,
            ["Action"] = record.Entry.Action,
            ["Target"] = record.Entry.Target,
            ["District"] = record.Entry.District,
            ["Route"] = record.Entry.Route,
            ["EntryId"] = record.EntryId,
            ["Previous"] = record.Previous,
            ["Hash"] = record.Hash,
        };
        if (record.Entry.CaseId is { } caseId)
        {
            row["CaseId"] = caseId;
        }

        return row;
    }

    private static AuditRecord FromRow(TableEntity row) => new(
        row.GetString("Chain") ?? row.PartitionKey,
        row.GetInt64("Sequence") ?? 0,
        new AuditEntry(
            row.GetString("CaseId"),
            row.GetDateTimeOffset("At") ?? default,
            row.GetString("Actor") ?? "",
            row.GetString("Action") ?? "",
            row.GetString("Target") ?? "",
            row.GetString("District") ?? "",
            row.GetString("Route") ?? ""),
        row.GetString("EntryId") ?? "",
        row.GetString("Previous") ?? "",
        row.GetString("Hash") ?? "");

    private static AuditHead ToHead(TableEntity row) =>
        new(row.GetInt64("Sequence") ?? 0, row.GetString("Hash") ?? "", row.GetString("EntryId") ?? "");

    /// <summary>The table's continuation, opaque to callers (Base64url).</summary>
    private static string EncodeToken(string token) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string DecodeToken(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            return text.Length is > 0 and <= 1024 && !text.Any(char.IsControl)
                ? text
                : throw new ArgumentException("not a continuation token of the audit", nameof(token));
        }
        catch (FormatException exception)
        {
            throw new ArgumentException("not a continuation token of the audit", nameof(token), exception);
        }
    }
}
