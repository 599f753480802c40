using Kim.Core.Input;

namespace Kim.Api.Intake;

/// <summary>
/// A file uploaded with an intake, held in a temporary file that disappears when this is disposed:
/// the sink must copy it (to blob storage) before the request ends.
/// </summary>
public sealed class IntakeFile : IAsyncDisposable
{
    private readonly FileStream _buffer;

    internal IntakeFile(FileStream buffer, string fileName, string? declaredContentType, DetectedFileType type, long length, string sha256)
    {
        _buffer = buffer;
        FileName = fileName;
        DeclaredContentType = declaredContentType;
        Type = type;
        Length = length;
        Sha256 = sha256;
    }

    /// <summary>The name the sender gave, without any directory part.</summary>
    public string FileName { get; }

    /// <summary>What the sender said it is; informational only.</summary>
    public string? DeclaredContentType { get; }

    /// <summary>What its bytes say it is.</summary>
    public DetectedFileType Type { get; }

    public string MediaType => FileSniffer.MediaType(Type);

    public long Length { get; }

    /// <summary>Lowercase hex SHA-256 of the content.</summary>
    public string Sha256 { get; }

    /// <summary>A new read-only stream over the content, from the start; dispose it after use.</summary>
    public Stream OpenRead() =>
        new FileStream(_buffer.Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);

    public ValueTask DisposeAsync() => _buffer.DisposeAsync();
}
