namespace Kim.Core.Storage;

/// <summary>
/// A download in progress: <see cref="Content"/> is the response stream itself, not a buffered
/// copy, so the caller reads it at its own pace and must dispose it.
/// </summary>
/// <param name="Status">200 for the whole blob, 206 for a range.</param>
public sealed class BlobDownloadResult(Stream content, int status, BlobProperties properties) : IDisposable, IAsyncDisposable
{
    public Stream Content { get; } = content;
    public int Status { get; } = status;
    public BlobProperties Properties { get; } = properties;

    public void Dispose() => Content.Dispose();

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
