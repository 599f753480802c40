using System.Security.Cryptography;
using Kim.Core.Input;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Kim.Api.Http;

/// <summary>
/// One file part of a multipart upload, streamed into a temporary file that is deleted when it is
/// disposed: counted against the size limit while it arrives, hashed, and judged by its structure
/// (PDF, JPEG, PNG: <see cref="FileSniffer"/>, from its first and last bytes, kept as they stream
/// past), never by its declared type or name. Intakes and case uploads read their files through
/// this one piece.
/// </summary>
public sealed record UploadedFilePart(FileStream Content, string FileName, DetectedFileType Type, long Length, string Sha256) : IAsyncDisposable
{
    private const int CopyBufferBytes = 64 * 1024;

    public ValueTask DisposeAsync() => Content.DisposeAsync();

    /// <summary>
    /// The file, positioned at its start; or the problem: 413 over <paramref name="maxBytes"/>, 422
    /// under <paramref name="field"/> when empty or not structured as an accepted type. A body that
    /// ends inside the part throws as <see cref="MultipartBody.NextSectionAsync"/> does.
    /// </summary>
    public static async Task<(UploadedFilePart? File, ProblemDetails? Problem)> ReadAsync(
        MultipartSection section, ContentDispositionHeaderValue disposition, int number, long maxBytes, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(disposition);
        var fileName = CleanFileName(HeaderUtilities.RemoveQuotes(
            disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value, number);
        var path = Path.Combine(Path.GetTempPath(), "kim-upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        var buffer = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete,
            CopyBufferBytes, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var keep = false;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[FileSniffer.HeadLength];
            var headLength = 0;
            var tail = new ByteTail(FileSniffer.TailLength);
            long length = 0;
            var chunk = new byte[CopyBufferBytes];
            int read;
            while ((read = await MultipartBody.ReadAsync(section, chunk, cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    return (null, KimProblems.PayloadTooLarge($"The file '{fileName}' is larger than {maxBytes} bytes.", maxBytes));
                }

                var take = Math.Min(read, head.Length - headLength);
                chunk.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                headLength += take;
                tail.Append(chunk.AsSpan(0, read));
                hash.AppendData(chunk, 0, read);
                await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            }

            if (length == 0 || FileSniffer.Detect(head.AsSpan(0, headLength), tail.Bytes, length) is not { } type)
            {
                return (null, KimProblems.Validation(field, length == 0
                    ? $"the file '{fileName}' is empty"
                    : $"the file '{fileName}' is not a complete PDF, JPEG or PNG file (judged by its structure, not its declared type)"));
            }

            await buffer.FlushAsync(cancellationToken);
            buffer.Position = 0;
            keep = true;
            return (new UploadedFilePart(buffer, fileName, type, length, Convert.ToHexStringLower(hash.GetHashAndReset())), null);
        }
        finally
        {
            if (!keep)
            {
                await buffer.DisposeAsync();
            }
        }
    }

    /// <summary>The last path segment, without control characters, within the length limit; a made-up name when nothing is left.</summary>
    private static string CleanFileName(string? raw, int number)
    {
        var name = UnicodeText.Nfc(new string([.. Path.GetFileName((raw ?? string.Empty).Replace('\\', '/')).Where(c => !char.IsControl(c))]).Trim());
        if (name.Length > KimLimits.FileNameLength)
        {
            name = name[..KimLimits.FileNameLength];
        }

        return name.Length > 0 ? name : $"document-{number}";
    }
}
