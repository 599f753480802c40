using System.Globalization;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Kim.Core.Cases;

namespace Kim.Core.Storage.Cases;

/// <summary>
/// The access log on Table Storage: one partition per case, rows keyed by time and a random suffix,
/// inserted and never updated, so a plain partition query reads it oldest first.
/// </summary>
public sealed class TableAuditLog(TableClient table) : IAuditLog
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var rowKey = string.Create(CultureInfo.InvariantCulture, $"{entry.At.UtcTicks:D19}|{Guid.NewGuid():N}");
        await table.AddEntityAsync(
            new TableEntity(entry.CaseId, rowKey)
            {
                ["At"] = entry.At,
                ["Actor"] = entry.Actor,
                ["Action"] = entry.Action,
                ["Target"] = entry.Target,
            },
            cancellationToken);
    }

    public async IAsyncEnumerable<AuditEntry> ReadAsync(string caseId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), cancellationToken: cancellationToken))
        {
            yield return new AuditEntry(
                caseId,
                row.GetDateTimeOffset("At") ?? default,
                row.GetString("Actor") ?? "",
                row.GetString("Action") ?? "",
                row.GetString("Target") ?? "");
        }
    }
}
