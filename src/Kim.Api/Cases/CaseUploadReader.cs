using Kim.Api.Http;
using Kim.Api.Intake;
using Kim.Core.Input;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Kim.Api.Cases;

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
            while (await MultipartBody.NextSectionAsync(reader, cancellationToken) is { } section)
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
        catch (InvalidDataException e)
        {
            return await FailAsync(files, KimProblems.BadRequest("The multipart body could not be read: " + e.Message));
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
        var (part, problem) = await UploadedFilePart.ReadAsync(section, disposition, number, maxBytes, "file", cancellationToken);
        return part is null ? (null, problem) : (new CaseUpload(part.FileName, FileSniffer.MediaType(part.Type), part.Content), null);
    }
}
