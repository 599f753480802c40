namespace Kim.Functions.Intake;

/// <summary>
/// Recognises a file by its magic bytes, never by the declared type or the name, which the
/// sender controls: a renamed executable stays an executable.
/// </summary>
public static class FileSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeadLength = 8;

    private static ReadOnlySpan<byte> Pdf => "%PDF-"u8;

    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static DetectedFileType? Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith(Pdf) ? DetectedFileType.Pdf
        : head.StartsWith(Png) ? DetectedFileType.Png
        : head.StartsWith(Jpeg) ? DetectedFileType.Jpeg
        : null;

    public static string MediaType(DetectedFileType type) => type switch
    {
        DetectedFileType.Pdf => "application/pdf",
        DetectedFileType.Jpeg => "image/jpeg",
        DetectedFileType.Png => "image/png",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown file type"),
    };
}
