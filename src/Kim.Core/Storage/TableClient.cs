using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace Kim.Core.Storage;

/// <summary>
/// One table: entity reads and writes with optimistic concurrency, queries with continuation, and
/// entity-group transactions.
/// https://learn.microsoft.com/rest/api/storageservices/operations-on-entities
/// </summary>
public sealed class TableClient
{
    private readonly StorageRestClient _rest;

    public TableClient(StorageAccount account, string tableName, StorageClientOptions? options = null)
        : this(StorageRestClient.ForTables(account ?? throw new ArgumentNullException(nameof(account)), options), tableName)
    {
    }

    internal TableClient(StorageRestClient rest, string tableName)
    {
        ValidateTableName(tableName);
        _rest = rest;
        Name = tableName;
    }

    public string Name { get; }

    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/create-table</remarks>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateTableMessage(_rest, RequestMethod.Post, "Tables");
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes($"{{\"TableName\":\"{Name}\"}}"));
        var response = await _rest.SendAsync(message, cancellationToken, 409);
        return response.Status != 409;
    }

    /// <summary>Inserts; 409 EntityAlreadyExists if it exists. The response's ETag header is the new version.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/insert-entity</remarks>
    public async Task<Response> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableKeys.Validate(entity.PartitionKey, nameof(entity));
        TableKeys.Validate(entity.RowKey, nameof(entity));
        using var message = CreateTableMessage(_rest, RequestMethod.Post, Name);
        SetEntityContent(message, entity);
        return await _rest.SendAsync(message, cancellationToken);
    }

    /// <summary>Inserts or, if it exists, merges or replaces, unconditionally.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/insert-or-replace-entity</remarks>
    public async Task<Response> UpsertEntityAsync(
        TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = EntityMessage(mode == TableUpdateMode.Replace ? RequestMethod.Put : RequestMethod.Patch, entity.PartitionKey, entity.RowKey);
        SetEntityContent(message, entity);
        return await _rest.SendAsync(message, cancellationToken);
    }

    /// <summary>
    /// Merges into or replaces an existing entity if its version is still <paramref name="ifMatch"/>
    /// (412 UpdateConditionNotSatisfied otherwise); <see cref="ETag.All"/> is unconditional.
    /// </summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/update-entity2</remarks>
    public async Task<Response> UpdateEntityAsync(
        TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs the entity's ETag, or ETag.All to update unconditionally.", nameof(ifMatch));
        }

        using var message = EntityMessage(mode == TableUpdateMode.Replace ? RequestMethod.Put : RequestMethod.Patch, entity.PartitionKey, entity.RowKey);
        message.Request.Headers.SetValue("If-Match", ifMatch.ToString());
        SetEntityContent(message, entity);
        return await _rest.SendAsync(message, cancellationToken);
    }

    /// <summary>
    /// Deletes if the version is still <paramref name="ifMatch"/> (default: any version). A missing
    /// entity is not an error, as in the official SDK.
    /// </summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/delete-entity1</remarks>
    public async Task<Response> DeleteEntityAsync(
        string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        using var message = EntityMessage(RequestMethod.Delete, partitionKey, rowKey);
        message.Request.Headers.SetValue("If-Match", ifMatch == default ? "*" : ifMatch.ToString());
        return await _rest.SendAsync(message, cancellationToken, 404);
    }

    /// <summary>Reads one entity; 404 ResourceNotFound throws.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/query-entities</remarks>
    public async Task<Response<TableEntity>> GetEntityAsync(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var (entity, response) = await GetAsync(partitionKey, rowKey, select, allowMissing: false, cancellationToken);
        return Response.FromValue(entity!, response);
    }

    /// <summary>Reads one entity, or null when it does not exist.</summary>
    public async Task<TableEntity?> GetEntityIfExistsAsync(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var (entity, _) = await GetAsync(partitionKey, rowKey, select, allowMissing: true, cancellationToken);
        return entity;
    }

    /// <summary>
    /// Queries with an OData filter (build it with <see cref="TableFilter.Create"/>). <c>AsPages()</c>
    /// gives the service's pages (<paramref name="maxPerPage"/> is <c>$top</c>, at most 1000);
    /// enumerating the result directly flattens them.
    /// </summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/query-timeout-and-pagination</remarks>
    public AsyncPageable<TableEntity> QueryAsync(
        string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        if (maxPerPage is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "A page holds 1 to 1000 entities.");
        }

        var selected = select is null ? null : string.Join(',', select);
        return new StoragePageable<TableEntity>(
            (token, hint, ct) => QueryPageAsync(filter, hint ?? maxPerPage, selected, token, ct), cancellationToken);
    }

    /// <summary>
    /// Commits the actions atomically. Refused before sending if they break the service's rules (at
    /// most 100, one partition, each RowKey once). If the service refuses one operation, nothing is
    /// written and <see cref="TableTransactionFailedException"/> names its index.
    /// </summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions</remarks>
    public async Task<IReadOnlyList<TableTransactionResult>> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        TableBatch.Validate(list);

        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        using var message = CreateTableMessage(_rest, RequestMethod.Post, "$batch");
        message.Request.Headers.SetValue("Content-Type", $"multipart/mixed; boundary={batch}");
        message.Request.Content = RequestContent.Create(
            Encoding.UTF8.GetBytes(TableBatch.BuildBody(_rest.Endpoint, Name, list, batch, changeset)));
        var response = await _rest.SendAsync(message, cancellationToken);

        var parts = TableBatch.ParseResponse(response.Content.ToString());
        var failed = parts.FirstOrDefault(p => p.Status >= 400);
        if (failed is not null)
        {
            var (code, text) = TableBatch.ParseError(failed.Body);
            var index = TableBatch.FailedIndex(text);
            throw new TableTransactionFailedException(
                failed.Status,
                $"The transaction failed at operation {index} ({list[Math.Clamp(index, 0, list.Count - 1)].ActionType}) with {failed.Status} {code}: {text}",
                code,
                index);
        }

        if (parts.Count != list.Count)
        {
            throw new RequestFailedException(
                response.Status, $"The transaction answered {parts.Count} results for {list.Count} operations.", null, null);
        }

        return parts
            .Select(p => new TableTransactionResult(p.Status, p.Headers.TryGetValue("ETag", out var e) ? new ETag(e) : default))
            .ToList();
    }

    /// <summary>Table names: 3-63 letters and digits, starting with a letter.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model#table-names</remarks>
    internal static void ValidateTableName(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (tableName.Length is < 3 or > 63 || !char.IsAsciiLetter(tableName[0]) || !tableName.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"'{tableName}' is not a table name: 3-63 letters and digits, starting with a letter.", nameof(tableName));
        }
    }

    /// <summary>A request with the headers every Tables call needs (without Accept the service answers 415).</summary>
    internal static HttpMessage CreateTableMessage(StorageRestClient rest, RequestMethod method, string path)
    {
        var message = rest.CreateMessage(method, path);
        message.Request.Headers.SetValue("Accept", "application/json;odata=minimalmetadata");
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        return message;
    }

    private HttpMessage EntityMessage(RequestMethod method, string partitionKey, string rowKey) =>
        CreateTableMessage(_rest, method, TableKeys.EntityPath(Name, partitionKey, rowKey));

    private static void SetEntityContent(HttpMessage message, TableEntity entity)
    {
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        message.Request.Content = RequestContent.Create(TableEntityJson.Serialize(entity));
    }

    private async Task<(TableEntity? Entity, Response Response)> GetAsync(
        string partitionKey, string rowKey, IEnumerable<string>? select, bool allowMissing, CancellationToken cancellationToken)
    {
        var path = TableKeys.EntityPath(Name, partitionKey, rowKey);
        if (select is not null)
        {
            path += "?$select=" + Uri.EscapeDataString(string.Join(',', select));
        }

        using var message = CreateTableMessage(_rest, RequestMethod.Get, path);
        var response = allowMissing
            ? await _rest.SendAsync(message, cancellationToken, 404)
            : await _rest.SendAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return (null, response);
        }

        using var doc = JsonDocument.Parse(response.Content.ToMemory());
        return (TableEntityJson.Read(doc.RootElement, TableServiceClient.ETagOf(response)), response);
    }

    private async Task<Page<TableEntity>> QueryPageAsync(
        string? filter, int? top, string? select, string? continuation, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (filter is not null)
        {
            query.Add("$filter=" + Uri.EscapeDataString(filter));
        }

        if (select is not null)
        {
            query.Add("$select=" + Uri.EscapeDataString(select));
        }

        if (top is not null)
        {
            query.Add("$top=" + top.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (continuation is not null)
        {
            // Our continuation token is "NextPartitionKey NextRowKey", each opaque and sent back escaped.
            var space = continuation.IndexOf(' ', StringComparison.Ordinal);
            var nextPk = space < 0 ? continuation : continuation[..space];
            var nextRk = space < 0 ? "" : continuation[(space + 1)..];
            query.Add("NextPartitionKey=" + Uri.EscapeDataString(nextPk));
            if (nextRk.Length > 0)
            {
                query.Add("NextRowKey=" + Uri.EscapeDataString(nextRk));
            }
        }

        var path = Name + "()" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        using var message = CreateTableMessage(_rest, RequestMethod.Get, path);
        var response = await _rest.SendAsync(message, cancellationToken);

        using var doc = JsonDocument.Parse(response.Content.ToMemory());
        var entities = doc.RootElement.GetProperty("value").EnumerateArray().Select(e => TableEntityJson.Read(e)).ToList();
        string? next = null;
        if (response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var pk) && !string.IsNullOrEmpty(pk))
        {
            next = response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var rk) && !string.IsNullOrEmpty(rk)
                ? pk + " " + rk
                : pk;
        }

        return Page<TableEntity>.FromValues(entities, next, response);
    }
}
