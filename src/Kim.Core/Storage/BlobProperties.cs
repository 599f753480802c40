using Azure;

namespace Kim.Core.Storage;

/// <summary>A blob's system properties and metadata, as a HEAD, GET or list answers them.</summary>
/// <param name="ContentLength">The length of the blob (HEAD, list) or of the returned range (GET).</param>
public sealed record BlobProperties(
    long ContentLength,
    string? ContentType,
    ETag ETag,
    DateTimeOffset? LastModified,
    IReadOnlyDictionary<string, string> Metadata);
