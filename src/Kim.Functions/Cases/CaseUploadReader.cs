using Kim.Functions.Http;
using Kim.Functions.Intake;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Kim.Functions.Cases;

/// <summary>
/// Streams the file parts of a multipart document upload into temporary files, each cut off at
/// <c>Kim__Intake__MaxFileBytes</c> as it arrives and recognised by its bytes (PDF, JPEG, PNG).
/// Every file is read and checked before any is stored, so a refused upload stores nothing.
/// </summary>
internal static class CaseUploadReader
{
    private const int CopyBufferBytes = 64 * 1024;

    /// <summary>The files, or the problem to answer.</summary>
    public static async Task<(List<CaseUpload>? Files, ProblemDetails? Problem)> ReadAsync(
        HttpRequest request, IntakeOptions options, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (null, KimProblems.UnsupportedMediaType("Upload documents as multipart/form-data.", ["multipart/form-data"]));
        }

        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > KimLimits.MultipartBoundaryLength)
        {
            return (null, KimProblems.BadRequest("The multipart body has no usable boundary."));
        }

        var reader = new MultipartReader(boundary, request.Body)
        {
            HeadersLengthLimit = KimLimits.MultipartHeadersBytes,
            BodyLengthLimit = options.MaxFileBytes + CopyBufferBytes,
        };
        var files = new List<CaseUpload>();
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                {
                    // Form fields carry nothing an upload needs.
                    continue;
                }

                if (files.Count == options.MaxFiles)
                {
                    return await FailAsync(files, KimProblems.PayloadTooLarge($"An upload carries at most {options.MaxFiles} files.", options.MaxFiles));
                }

                var (file, problem) = await ReadFileAsync(section, disposition, files.Count + 1, options.MaxFileBytes, cancellationToken);
                if (problem is not null)
                {
                    return await FailAsync(files, problem);
                }

                files.Add(file!);
            }
        }
        catch (InvalidDataException)
        {
            return await FailAsync(files, KimProblems.BadRequest("The multipart body could not be read."));
        }
        catch
        {
            await FailAsync(files, null);
            throw;
        }

        return files.Count == 0
            ? (null, KimProblems.Validation("file", "send at least one file part"))
            : (files, null);
    }

    private static async Task<(List<CaseUpload>?, ProblemDetails?)> FailAsync(List<CaseUpload> files, ProblemDetails? problem)
    {
        foreach (var file in files)
        {
            await file.DisposeAsync();
        }

        return (null, problem);
    }

    private static async Task<(CaseUpload?, ProblemDetails?)> ReadFileAsync(
        MultipartSection section, ContentDispositionHeaderValue disposition, int number, long maxBytes, CancellationToken cancellationToken)
    {
        var fileName = FileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value, number);
        var path = Path.Combine(Path.GetTempPath(), "kim-upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        var buffer = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete,
            CopyBufferBytes, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var keep = false;
        try
        {
            var head = new byte[FileSniffer.HeadLength];
            var headLength = 0;
            long length = 0;
            var chunk = new byte[CopyBufferBytes];
            int read;
            while ((read = await section.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    return (null, KimProblems.PayloadTooLarge($"The file '{fileName}' is larger than {maxBytes} bytes.", maxBytes));
                }

                var take = Math.Min(read, head.Length - headLength);
                chunk.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                headLength += take;
                await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            }

            if (length == 0 || FileSniffer.Detect(head.AsSpan(0, headLength)) is not { } type)
            {
                return (null, KimProblems.Validation("file", length == 0
                    ? $"the file '{fileName}' is empty"
                    : $"the file '{fileName}' is not a PDF, JPEG or PNG file (judged by its content, not its declared type)"));
            }

            await buffer.FlushAsync(cancellationToken);
            buffer.Position = 0;
            keep = true;
            return (new CaseUpload(fileName, FileSniffer.MediaType(type), buffer), null);
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
    private static string FileName(string? raw, int number)
    {
        var name = new string([.. Path.GetFileName((raw ?? string.Empty).Replace('\\', '/')).Where(c => !char.IsControl(c))]).Trim();
        if (name.Length > KimLimits.FileNameLength)
        {
            name = name[..KimLimits.FileNameLength];
        }

        return name.Length > 0 ? name : $"document-{number}";
    }
}
