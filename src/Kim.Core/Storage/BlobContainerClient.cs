using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Kim.Core.Storage;

/// <summary>
/// One blob container: streaming upload (one Put Blob, or blocks through one reused buffer),
/// streaming and ranged download, properties, delete and listing by prefix.
/// https://learn.microsoft.com/rest/api/storageservices/operations-on-blobs
/// </summary>
public sealed class BlobContainerClient
{
    private readonly StorageRestClient _rest;

    public BlobContainerClient(StorageAccount account, string containerName, StorageClientOptions? options = null)
        : this(StorageRestClient.ForBlobs(account ?? throw new ArgumentNullException(nameof(account)), options), containerName)
    {
    }

    internal BlobContainerClient(StorageRestClient rest, string containerName)
    {
        ValidateContainerOrQueueName(containerName, "container");
        _rest = rest;
        Name = containerName;
    }

    public string Name { get; }

    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/create-container</remarks>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Put, $"{Name}?restype=container");
        var response = await _rest.SendAsync(message, cancellationToken, 409);
        return response.Status != 409;
    }

    /// <summary>
    /// Uploads <paramref name="content"/> as a block blob, replacing any blob of that name. Content
    /// that fits in one block goes out in one Put Blob; longer content is read one block at a time
    /// into one reused buffer and sent with Put Block, then committed with Put Block List, so memory
    /// stays at one block whatever the size.
    /// </summary>
    /// <remarks>
    /// https://learn.microsoft.com/rest/api/storageservices/put-blob
    /// https://learn.microsoft.com/rest/api/storageservices/put-block
    /// https://learn.microsoft.com/rest/api/storageservices/put-block-list
    /// </remarks>
    public async Task<Response> UploadAsync(
        string blobName, Stream content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new BlobUploadOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BlockSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.BlockSize, BlobUploadOptions.MaxBlockSize, nameof(options));
        var path = BlobPath(blobName);
        ValidateMetadata(options.Metadata);

        var buffer = new byte[options.BlockSize];
        var filled = await FillAsync(content, buffer, cancellationToken);
        if (filled < buffer.Length)
        {
            using var put = _rest.CreateMessage(RequestMethod.Put, path);
            put.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
            put.Request.Headers.SetValue("Content-Type", options.ContentType);
            AddMetadata(put.Request, options.Metadata);
            put.Request.Content = RequestContent.Create(buffer.AsMemory(0, filled));
            return await _rest.SendAsync(put, cancellationToken);
        }

        var blockIds = new List<string>();
        while (filled > 0)
        {
            // Block ids must all have the same length before Base64: a fixed-width counter does it.
            var blockId = Convert.ToBase64String(Encoding.ASCII.GetBytes(blockIds.Count.ToString("D8", CultureInfo.InvariantCulture)));
            using (var block = _rest.CreateMessage(RequestMethod.Put, $"{path}?comp=block&blockid={Uri.EscapeDataString(blockId)}"))
            {
                block.Request.Content = RequestContent.Create(buffer.AsMemory(0, filled));
                await _rest.SendAsync(block, cancellationToken);
            }

            blockIds.Add(blockId);
            filled = filled < buffer.Length ? 0 : await FillAsync(content, buffer, cancellationToken);
        }

        var list = new XElement("BlockList", blockIds.Select(id => new XElement("Latest", id)));
        using var commit = _rest.CreateMessage(RequestMethod.Put, $"{path}?comp=blocklist");
        commit.Request.Headers.SetValue("Content-Type", "application/xml");
        commit.Request.Headers.SetValue("x-ms-blob-content-type", options.ContentType);
        AddMetadata(commit.Request, options.Metadata);
        commit.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(list.ToString(SaveOptions.DisableFormatting)));
        return await _rest.SendAsync(commit, cancellationToken);
    }

    /// <summary>
    /// Downloads the blob, or the given range (206). The result's stream is the response stream,
    /// read as the caller reads it, never buffered here.
    /// </summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/get-blob</remarks>
    public async Task<BlobDownloadResult> DownloadAsync(
        string blobName, HttpRange range = default, CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Get, BlobPath(blobName));
        message.BufferResponse = false;
        if (range != default)
        {
            message.Request.Headers.SetValue("x-ms-range", range.ToString());
        }

        var response = await _rest.SendAsync(message, cancellationToken);
        var properties = Properties(response);
        // Detach the stream so that disposing the message does not close it under the caller.
        var stream = message.ExtractResponseContent() ?? Stream.Null;
        return new BlobDownloadResult(stream, response.Status, properties);
    }

    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/get-blob-properties</remarks>
    public async Task<BlobProperties> GetPropertiesAsync(string blobName, CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Head, BlobPath(blobName));
        var response = await _rest.SendAsync(message, cancellationToken);
        return Properties(response);
    }

    /// <summary>Deletes the blob; 404 BlobNotFound throws.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/delete-blob</remarks>
    public async Task DeleteAsync(string blobName, CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Delete, BlobPath(blobName));
        await _rest.SendAsync(message, cancellationToken);
    }

    /// <summary>Deletes the blob if it exists. True when it was deleted.</summary>
    public async Task<bool> DeleteIfExistsAsync(string blobName, CancellationToken cancellationToken = default)
    {
        using var message = _rest.CreateMessage(RequestMethod.Delete, BlobPath(blobName));
        var response = await _rest.SendAsync(message, cancellationToken, 404);
        return response.Status != 404;
    }

    /// <summary>Lists blobs whose names start with <paramref name="prefix"/>, with metadata, following <c>NextMarker</c>.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/list-blobs</remarks>
    public AsyncPageable<BlobItem> GetBlobsAsync(string? prefix = null, int? pageSize = null, CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > 5000)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A listing page holds 1 to 5000 blobs.");
        }

        return new StoragePageable<BlobItem>((marker, hint, ct) => ListPageAsync(prefix, hint ?? pageSize, marker, ct), cancellationToken);
    }

    /// <summary>Container and queue names: 3-63 lower-case letters, digits and single hyphens, starting with a letter or digit.</summary>
    /// <remarks>https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata</remarks>
    internal static void ValidateContainerOrQueueName(string name, string kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        var valid = name.Length is >= 3 and <= 63
            && char.IsAsciiLetterOrDigit(name[0])
            && char.IsAsciiLetterOrDigit(name[^1])
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && !name.Contains("--", StringComparison.Ordinal);
        if (!valid)
        {
            throw new ArgumentException($"'{name}' is not a {kind} name: 3-63 lower-case letters, digits and single hyphens.", nameof(name));
        }
    }

    private async Task<Page<BlobItem>> ListPageAsync(string? prefix, int? pageSize, string? marker, CancellationToken cancellationToken)
    {
        var path = new StringBuilder($"{Name}?restype=container&comp=list&include=metadata");
        if (!string.IsNullOrEmpty(prefix))
        {
            path.Append("&prefix=").Append(Uri.EscapeDataString(prefix));
        }

        if (pageSize is not null)
        {
            path.Append("&maxresults=").Append(pageSize.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(marker))
        {
            path.Append("&marker=").Append(Uri.EscapeDataString(marker));
        }

        using var message = _rest.CreateMessage(RequestMethod.Get, path.ToString());
        var response = await _rest.SendAsync(message, cancellationToken);
        var root = XDocument.Parse(response.Content.ToString()).Root!;
        var items = (root.Element("Blobs")?.Elements("Blob") ?? []).Select(blob =>
        {
            var p = blob.Element("Properties");
            var metadata = (blob.Element("Metadata")?.Elements() ?? [])
                .ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.OrdinalIgnoreCase);
            return new BlobItem(
                blob.Element("Name")!.Value,
                new BlobProperties(
                    long.Parse(p?.Element("Content-Length")?.Value ?? "0", CultureInfo.InvariantCulture),
                    p?.Element("Content-Type")?.Value,
                    p?.Element("Etag")?.Value is { } etag ? new ETag(etag) : default,
                    p?.Element("Last-Modified")?.Value is { } modified ? DateTimeOffset.Parse(modified, CultureInfo.InvariantCulture) : null,
                    metadata));
        }).ToList();
        var next = root.Element("NextMarker")?.Value;
        return Page<BlobItem>.FromValues(items, string.IsNullOrEmpty(next) ? null : next, response);
    }

    private string BlobPath(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        if (blobName.Length > 1024)
        {
            throw new ArgumentException("A blob name is at most 1024 characters.", nameof(blobName));
        }

        // Slashes stay: they are the virtual directories of a blob name.
        return Name + "/" + string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString));
    }

    private static BlobProperties Properties(Response response)
    {
        var metadata = response.Headers
            .Where(h => h.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Name["x-ms-meta-".Length..], h => h.Value, StringComparer.OrdinalIgnoreCase);
        return new BlobProperties(
            response.Headers.ContentLength ?? 0,
            response.Headers.ContentType,
            response.Headers.ETag ?? default,
            response.Headers.TryGetValue("Last-Modified", out var modified) ? DateTimeOffset.Parse(modified!, CultureInfo.InvariantCulture) : null,
            metadata);
    }

    private static void ValidateMetadata(IDictionary<string, string> metadata)
    {
        foreach (var (name, value) in metadata)
        {
            if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException($"Metadata name '{name}' must be a C# identifier.", nameof(metadata));
            }

            if (!value.All(c => c is >= ' ' and <= '~'))
            {
                throw new ArgumentException($"Metadata value of '{name}' must be printable ASCII.", nameof(metadata));
            }
        }
    }

    private static void AddMetadata(Request request, IDictionary<string, string> metadata)
    {
        foreach (var (name, value) in metadata)
        {
            request.Headers.SetValue("x-ms-meta-" + name, value);
        }
    }

    /// <summary>Reads until the buffer is full or the stream ends; never asks for more than the buffer's free space.</summary>
    private static async Task<int> FillAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await source.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
