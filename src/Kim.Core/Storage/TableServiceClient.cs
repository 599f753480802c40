using Azure;
using Azure.Core;

namespace Kim.Core.Storage;

/// <summary>
/// The account's Table service: creates and deletes tables and hands out <see cref="TableClient"/>s
/// that share its pipeline.
/// https://learn.microsoft.com/rest/api/storageservices/table-service-rest-api
/// </summary>
public sealed class TableServiceClient
{
    private readonly StorageRestClient _rest;

    public TableServiceClient(StorageAccount account, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        _rest = StorageRestClient.ForTables(account, options);
    }

    public Uri Endpoint => _rest.Endpoint;

    public TableClient GetTableClient(string tableName) => new(_rest, tableName);

    /// <summary>Creates the table; an existing one (409 TableAlreadyExists) is fine. True when it was created.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/create-table</remarks>
    public Task<bool> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).CreateIfNotExistsAsync(cancellationToken);

    /// <summary>One cheap authenticated request (query one table name), for health checks.</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        using var message = TableClient.CreateTableMessage(_rest, RequestMethod.Get, "Tables?$top=1");
        await _rest.SendAsync(message, cancellationToken);
    }

    internal static ETag ETagOf(Response response) =>
        response.Headers.TryGetValue("ETag", out var etag) ? new ETag(etag!) : default;
}
