using System.Globalization;
using Azure.Data.Tables;
using Kim.Core.Storage;

namespace Kim.Core.Mail;

/// <summary>
/// The <see cref="IDevelopmentMailbox"/> on Table Storage (Azurite, table
/// <see cref="StorageNames.DevMailboxTable"/>). All mails share one partition; the RowKey is the
/// inverted send time in ticks, then an inverted per-process sequence and a random suffix, so a
/// plain partition query returns the newest first (the service returns rows in key order).
/// </summary>
public sealed class TableDevelopmentMailbox(TableClient table) : IDevelopmentMailbox
{
    public const string PartitionKey = "mailbox";

    /// <summary>A string property holds at most 64 KiB of UTF-16; longer texts are cut (Development only).</summary>
    private const int MaxTextLength = 30_000;

    private readonly TableClient _table = table ?? throw new ArgumentNullException(nameof(table));
    private long _sequence;

    public async Task AddAsync(MailboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = entry.Text.Length <= MaxTextLength ? entry.Text : entry.Text[..MaxTextLength] + "\n… (gekürzt)";
        var row = new TableEntity(PartitionKey, RowKeyFor(entry.SentAt))
        {
            { "To", entry.To },
            { "Subject", entry.Subject },
            { "Text", text },
            { "SentAt", entry.SentAt },
        };
        await _table.AddEntityAsync(row, cancellationToken);
    }

    public async Task<IReadOnlyList<MailboxEntry>> ListAsync(int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        var list = new List<MailboxEntry>(Math.Min(maxCount, 1000));
        if (maxCount == 0)
        {
            return list;
        }

        var rows = _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey}"), Math.Min(maxCount, 1000), cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            list.Add(new MailboxEntry(
                row.GetString("To") ?? "",
                row.GetString("Subject") ?? "",
                row.GetString("Text") ?? "",
                row.GetDateTimeOffset("SentAt") ?? row.Timestamp ?? DateTimeOffset.MinValue));
            if (list.Count == maxCount)
            {
                break;
            }
        }

        return list;
    }

    /// <summary>
    /// Inverted ticks (19 digits) sort later mails first; among equal times the inverted sequence
    /// puts the one added later first, as <see cref="InMemoryDevelopmentMailbox"/> does.
    /// </summary>
    private string RowKeyFor(DateTimeOffset sentAt)
    {
        var invertedTicks = DateTimeOffset.MaxValue.UtcTicks - sentAt.UtcTicks;
        var invertedSequence = long.MaxValue - Interlocked.Increment(ref _sequence);
        return string.Create(CultureInfo.InvariantCulture, $"{invertedTicks:D19}-{invertedSequence:D19}-{Guid.NewGuid():N}");
    }
}
