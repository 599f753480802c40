namespace Kim.Core.Storage;

/// <summary>How a blob is uploaded and what it is stored with.</summary>
public sealed class BlobUploadOptions
{
    /// <summary>Default block size: 4 MiB. Content up to one block goes out in a single Put Blob.</summary>
    public const int DefaultBlockSize = 4 * 1024 * 1024;

    /// <summary>The largest block the service accepts on current versions: 4000 MiB; we cap at what one array can hold.</summary>
    public const int MaxBlockSize = int.MaxValue / 2;

    public string ContentType { get; set; } = "application/octet-stream";

    /// <summary>Stored as <c>x-ms-meta-*</c>: names are C# identifiers, values ASCII.</summary>
    public IDictionary<string, string> Metadata { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The size of the one buffer the upload reuses for every block: memory stays at one block.</summary>
    public int BlockSize { get; set; } = DefaultBlockSize;
}
