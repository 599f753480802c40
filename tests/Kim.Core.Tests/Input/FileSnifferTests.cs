using System.Text;
using Kim.Core.Input;

namespace Kim.Core.Tests.Input;

public sealed class FileSnifferTests
{
    /// <summary>A 1×1 PNG: signature, IHDR, IDAT, IEND.</summary>
    public static readonly byte[] Png = Convert.FromHexString(
        "89504E470D0A1A0A0000000D4948445200000001000000010806000000" + "1F15C489" +
        "0000000A49444154789C63000100000500010D0A2DB4" + "0000000049454E44AE426082");

    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

    public static TheoryData<string, byte[], DetectedFileType?> Files => new()
    {
        { "PDF", Pdf, DetectedFileType.Pdf },
        { "PDF with %%EOF and trailing bytes", [.. Pdf, .. new byte[900]], DetectedFileType.Pdf },
        { "PNG", Png, DetectedFileType.Png },
        { "JPEG", Jpeg, DetectedFileType.Jpeg },
        { "the 5 bytes %PDF-", "%PDF-"u8.ToArray(), null },
        { "PDF without %%EOF", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), null },
        { "PDF whose %%EOF lies further than 1024 bytes before the end", [.. Pdf, .. new byte[1100]], null },
        { "PDF without a version", Encoding.ASCII.GetBytes("%PDF-\n%%EOF\n"), null },
        { "the 8-byte PNG signature", Png[..8], null },
        { "PNG without IEND", Png[..^12], null },
        { "PNG whose first chunk is not IHDR", [.. Png[..12], .. "IDAT"u8, .. Png[16..]], null },
        { "PNG with bytes after IEND", [.. Png, 0x00], null },
        { "PNG of signature, IHDR header and IEND only", [.. Png[..16], .. Png[^12..]], null },
        { "the 3 bytes FF D8 FF", [0xFF, 0xD8, 0xFF], null },
        { "JPEG without its end marker", Jpeg[..^2], null },
        { "JPEG of SOI and EOI only", [0xFF, 0xD8, 0xFF, 0xD9], null },
        { "Windows executable", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], null },
        { "ZIP", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00], null },
        { "empty", [], null },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Files_are_recognised_by_their_structure(string what, byte[] file, DetectedFileType? expected)
    {
        var head = file.AsSpan(0, Math.Min(file.Length, FileSniffer.HeadLength));
        var tail = file.AsSpan(Math.Max(0, file.Length - FileSniffer.TailLength));

        Assert.True(expected == FileSniffer.Detect(head, tail, file.Length), what);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(1000)]
    public void The_tail_keeps_the_last_bytes_whatever_the_chunk_size(int chunkSize)
    {
        var data = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();
        var tail = new ByteTail(16);

        foreach (var chunk in data.Chunk(chunkSize))
        {
            tail.Append(chunk);
        }

        Assert.Equal(data[^16..], tail.Bytes.ToArray());
    }

    [Fact]
    public void A_tail_of_a_short_stream_holds_all_of_it()
    {
        var tail = new ByteTail(16);
        tail.Append([1, 2, 3]);
        tail.Append([4]);

        Assert.Equal([1, 2, 3, 4], tail.Bytes.ToArray());
    }
}
