using Azure.Data.Tables;

namespace Kim.Testing;

/// <summary>
/// Changes an audit chain's rows as someone with the storage account key could, with no Kim code
/// involved: the verification routine must find each of these.
/// </summary>
public static class AuditTampering
{
    /// <summary>The tamperings: alter entry 2, delete entry 2, swap entries 2 and 3, delete the newest entry (3).</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["change", "delete", "reorder", "cut-off"];

    /// <summary>Applies <paramref name="tampering"/> to a chain of at least three entries.</summary>
    public static async Task TamperAsync(TableClient table, string chainId, string tampering, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var second = (await table.GetEntityAsync<TableEntity>(chainId, "e|000000000002", cancellationToken: cancellationToken)).Value;
        var third = (await table.GetEntityAsync<TableEntity>(chainId, "e|000000000003", cancellationToken: cancellationToken)).Value;
        switch (tampering)
        {
            case "change":
                second["Actor"] = "someone-else";
                await table.UpdateEntityAsync(second, second.ETag, TableUpdateMode.Replace, cancellationToken);
                break;
            case "delete":
                await table.DeleteEntityAsync(chainId, second.RowKey, cancellationToken: cancellationToken);
                break;
            case "reorder":
                (second.RowKey, third.RowKey) = (third.RowKey, second.RowKey);
                await table.UpsertEntityAsync(second, TableUpdateMode.Replace, cancellationToken);
                await table.UpsertEntityAsync(third, TableUpdateMode.Replace, cancellationToken);
                break;
            case "cut-off":
                await table.DeleteEntityAsync(chainId, third.RowKey, cancellationToken: cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(tampering), tampering, "not one of Kinds");
        }
    }
}
