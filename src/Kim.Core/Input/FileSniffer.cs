namespace Kim.Core.Input;

/// <summary>
/// Recognises a file by its structure, never by the declared type or the name, which the sender
/// controls: a renamed executable stays an executable, and a file that only starts like a PDF is
/// not one. It looks at the first <see cref="HeadLength"/> and the last <see cref="TailLength"/>
/// bytes, so that a reader can check a file while it streams through, keeping only those.
/// </summary>
public static class FileSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at: a PNG's signature and the header of its first chunk.</summary>
    public const int HeadLength = 16;

    /// <summary>
    /// How many trailing bytes <see cref="Detect"/> looks at: the window in which PDF readers look
    /// for <c>%%EOF</c> (ISO 32000-1 §7.5.5, and Adobe's implementation note: the last 1024 bytes).
    /// </summary>
    public const int TailLength = 1024;

    /// <summary>The smallest PNG: signature (8), IHDR (25), one IDAT (12 + data), IEND (12).</summary>
    private const int MinimumPngLength = 8 + 25 + 12 + 12;

    private static ReadOnlySpan<byte> PdfHeader => "%PDF-"u8;

    private static ReadOnlySpan<byte> PdfEnd => "%%EOF"u8;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The IHDR chunk's length (13) and type, which must come first (PNG spec §5.6).</summary>
    private static ReadOnlySpan<byte> PngHeaderChunk => [0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    /// <summary>The IEND chunk, always these 12 bytes (length 0, type, CRC), which must come last.</summary>
    private static ReadOnlySpan<byte> PngEndChunk => [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    /// <summary>Start of image: FF D8, then the FF of the first segment's marker (ITU T.81 B.2.1).</summary>
    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];

    /// <summary>End of image: FF D9 closes every JPEG.</summary>
    private static ReadOnlySpan<byte> JpegEnd => [0xFF, 0xD9];

    /// <summary>
    /// The type of a file of <paramref name="length"/> bytes whose first bytes are
    /// <paramref name="head"/> (up to <see cref="HeadLength"/>) and last bytes <paramref name="tail"/>
    /// (up to <see cref="TailLength"/>; head and tail overlap in a short file); null when its structure
    /// is not that of an accepted type.
    /// </summary>
    public static DetectedFileType? Detect(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail, long length) =>
        IsPdf(head, tail) ? DetectedFileType.Pdf
        : IsPng(head, tail, length) ? DetectedFileType.Png
        : IsJpeg(head, tail, length) ? DetectedFileType.Jpeg
        : null;

    public static string MediaType(DetectedFileType type) => type switch
    {
        DetectedFileType.Pdf => "application/pdf",
        DetectedFileType.Jpeg => "image/jpeg",
        DetectedFileType.Png => "image/png",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown file type"),
    };

    /// <summary><c>%PDF-</c> and a version digit at the start, <c>%%EOF</c> in the last 1024 bytes.</summary>
    private static bool IsPdf(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail) =>
        head.StartsWith(PdfHeader) && head.Length > PdfHeader.Length && char.IsAsciiDigit((char)head[PdfHeader.Length])
        && tail.IndexOf(PdfEnd) >= 0;

    /// <summary>The signature, IHDR as the first chunk, IEND as the last.</summary>
    private static bool IsPng(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail, long length) =>
        length >= MinimumPngLength
        && head.StartsWith(PngSignature)
        && head[PngSignature.Length..].StartsWith(PngHeaderChunk)
        && tail.EndsWith(PngEndChunk);

    /// <summary>SOI followed by a segment marker (not another SOI, not EOI), and EOI as the last two bytes.</summary>
    private static bool IsJpeg(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail, long length) =>
        length >= JpegStart.Length + 1 + JpegEnd.Length
        && head.StartsWith(JpegStart)
        && head[JpegStart.Length] is >= 0xC0 and <= 0xFE and not 0xD8 and not 0xD9 and not (>= 0xD0 and <= 0xD7)
        && tail.EndsWith(JpegEnd);
}
