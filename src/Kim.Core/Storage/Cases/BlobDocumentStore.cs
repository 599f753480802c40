using Azure;
using Azure.Data.Tables;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Kim.Core.Cases;

namespace Kim.Core.Storage.Cases;

/// <summary>
/// Case documents: the bytes in Blob Storage under <c>{caseId}/{documentId}</c>, the listing in a
/// table partition per case. The blob goes first and the row second, so a crash between them
/// leaves an unlisted blob, which <see cref="DeleteAllAsync"/> still removes by prefix. Bytes stream
/// both ways: uploads go out in blocks of <see cref="BlockBytes"/>, one at a time, so memory stays at
/// about one block whatever the size; downloads hand the response stream to the caller.
/// </summary>
public sealed class BlobDocumentStore(BlobContainerClient blobs, TableClient table, TimeProvider time) : IDocumentStore
{
    /// <summary>
    /// 4 MiB per block, one block in flight. The SDK's defaults would first buffer up to 256 MiB of a
    /// stream of unknown length to try a single put, and send blocks concurrently.
    /// </summary>
    public const int BlockBytes = 4 * 1024 * 1024;

    /// <summary>The upload's transfer options: blocks of <see cref="BlockBytes"/>, one at a time.</summary>
    public static StorageTransferOptions TransferOptions { get; } = new()
    {
        InitialTransferSize = BlockBytes,
        MaximumTransferSize = BlockBytes,
        MaximumConcurrency = 1,
    };

    public async Task<CaseDocument> AddAsync(string caseId, NewDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var documentId = "d-" + Guid.NewGuid().ToString("N")[..12];
        using var hashing = new HashingReadStream(document.Content);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = document.ContentType },
            TransferOptions = TransferOptions,
        };
        await blobs.GetBlobClient(BlobName(caseId, documentId)).UploadAsync(hashing, options, cancellationToken);

        var stored = new CaseDocument(
            documentId,
            caseId,
            document.FileName,
            document.ContentType,
            hashing.BytesRead,
            hashing.HashHex(),
            time.GetUtcNow(),
            document.UploadedBy,
            document.Source);
        await table.AddEntityAsync(ToEntity(stored), cancellationToken);
        return stored;
    }

    public async Task<IReadOnlyList<CaseDocument>> ListAsync(string caseId, CancellationToken cancellationToken)
    {
        var documents = new List<CaseDocument>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), cancellationToken: cancellationToken))
        {
            documents.Add(FromEntity(row));
        }

        return [.. documents.OrderBy(d => d.UploadedAt)];
    }

    public async Task<CaseDocument?> GetAsync(string caseId, string documentId, CancellationToken cancellationToken)
    {
        if (!IsDocumentId(documentId))
        {
            return null;
        }

        var row = await table.GetEntityOrDefaultAsync(caseId, documentId, cancellationToken: cancellationToken);
        return row is null ? null : FromEntity(row);
    }

    public async Task<OpenedDocument?> OpenReadAsync(string caseId, string documentId, CancellationToken cancellationToken)
    {
        if (await GetAsync(caseId, documentId, cancellationToken) is not { } document)
        {
            return null;
        }

        try
        {
            var download = await blobs.GetBlobClient(BlobName(caseId, documentId)).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return new OpenedDocument(document, download.Value.Content);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<int> DeleteAllAsync(string caseId, CancellationToken cancellationToken)
    {
        var listed = await ListAsync(caseId, cancellationToken);
        await foreach (var blob in blobs.GetBlobsAsync(BlobTraits.None, BlobStates.None, caseId + "/", cancellationToken))
        {
            await blobs.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
        }

        foreach (var document in listed)
        {
            await table.DeleteEntityAsync(caseId, document.DocumentId, ETag.All, cancellationToken);
        }

        return listed.Count;
    }

    private static string BlobName(string caseId, string documentId) => $"{caseId}/{documentId}";

    // Ids come from URLs: only ids of our own shape reach storage.
    private static bool IsDocumentId(string documentId) =>
        documentId.Length == 14 && documentId.StartsWith("d-", StringComparison.Ordinal) && documentId[2..].All(char.IsAsciiHexDigitLower);

    private static TableEntity ToEntity(CaseDocument d) => new(d.CaseId, d.DocumentId)
    {
        ["FileName"] = d.FileName,
        ["ContentType"] = d.ContentType,
        ["Length"] = d.Length,
        ["Sha256"] = d.Sha256,
        ["UploadedAt"] = d.UploadedAt,
        ["UploadedBy"] = d.UploadedBy,
        ["Source"] = d.Source,
    };

    private static CaseDocument FromEntity(TableEntity row) => new(
        row.RowKey,
        row.PartitionKey,
        row.GetString("FileName") ?? "",
        row.GetString("ContentType") ?? "application/octet-stream",
        row.GetInt64("Length") ?? 0,
        row.GetString("Sha256") ?? "",
        row.GetDateTimeOffset("UploadedAt") ?? default,
        row.GetString("UploadedBy") ?? "",
        row.GetString("Source") ?? "case");
}
