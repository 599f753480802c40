using Azure.Data.Tables;

namespace Kim.Core.Storage;

/// <summary>Point reads that answer null for a missing entity; deletions that a missing entity does not fail.</summary>
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

    /// <summary>
    /// Deletes the rows of one partition, 100 to an entity-group transaction. When a row is gone
    /// already (a concurrent or earlier deletion), that group is deleted row by row instead, where a
    /// missing row is no error: deleting twice, or from two places at once, ends in the same state.
    /// </summary>
    public static async Task DeleteRowsAsync(this TableClient table, string partitionKey, IEnumerable<string> rowKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rowKeys);
        foreach (var chunk in rowKeys.Chunk(100))
        {
            try
            {
                await table.SubmitTransactionAsync(
                    chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, r))),
                    cancellationToken);
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 404)
            {
                foreach (var row in chunk)
                {
                    await table.DeleteEntityAsync(partitionKey, row, cancellationToken: cancellationToken);
                }
            }
        }
    }
}
