using Azure.Data.Tables;

namespace Kim.Core.Storage;

/// <summary>Point reads that answer null for a missing entity.</summary>
public static class TableClientExtensions
{
    /// <summary>
    /// Reads one entity, or null when it does not exist (404 is not an error here). The SDK's
    /// <see cref="TableClient.GetEntityIfExistsAsync{T}"/> answers a <c>NullableResponse</c> that is
    /// itself never null: this unwraps it, so <c>is null</c> checks mean what they say.
    /// </summary>
    public static async Task<TableEntity?> GetEntityOrDefaultAsync(
        this TableClient table, string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
