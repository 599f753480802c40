using Azure;
using Kim.Core.Cases;

namespace Kim.Core.Storage.Cases;

/// <summary>
/// Case documents: the bytes in Blob Storage under <c>{caseId}/{documentId}</c>, the listing in a
/// table partition per case. The blob goes first and the row second, so a crash between them
/// leaves an unlisted blob, which <see cref="DeleteAllAsync"/> still removes by prefix.
/// </summary>
public sealed class BlobDocumentStore(BlobContainerClient blobs, TableClient table, TimeProvider time) : IDocumentStore
{
    public async Task<CaseDocument> AddAsync(string caseId, NewDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var documentId = "d-" + Guid.NewGuid().ToString("N")[..12];
        using var hashing = new HashingReadStream(document.Content);
        var options = new BlobUploadOptions { ContentType = document.ContentType };
        await blobs.UploadAsync(BlobName(caseId, documentId), hashing, options, cancellationToken);

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
        await foreach (var row in table.QueryAsync(TableFilter.Create($"PartitionKey eq {caseId}"), cancellationToken: cancellationToken))
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

        var row = await table.GetEntityIfExistsAsync(caseId, documentId, cancellationToken: cancellationToken);
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
            var download = await blobs.DownloadAsync(BlobName(caseId, documentId), cancellationToken: cancellationToken);
            return new OpenedDocument(document, download.Content);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<int> DeleteAllAsync(string caseId, CancellationToken cancellationToken)
    {
        var listed = await ListAsync(caseId, cancellationToken);
        await foreach (var blob in blobs.GetBlobsAsync(caseId + "/", cancellationToken: cancellationToken))
        {
            await blobs.DeleteIfExistsAsync(blob.Name, cancellationToken);
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
