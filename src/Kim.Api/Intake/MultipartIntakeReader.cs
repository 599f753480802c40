using System.Text;
using Kim.Api.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Kim.Api.Intake;

/// <summary>
/// Streams a multipart intake: fields into a form, files (parts named <c>documents</c>) into
/// temporary files, each counted against <see cref="IntakeOptions.MaxFileBytes"/> as it arrives,
/// so that an oversized upload is cut off at the limit rather than read to the end.
/// </summary>
internal sealed class MultipartIntakeReader(IntakeOptions options)
{
    private const int CopyBufferBytes = 64 * 1024;

    public async Task<IntakeUpload> ReadAsync(HttpRequest request, MediaTypeHeaderValue contentType, CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > KimLimits.MultipartBoundaryLength)
        {
            throw new IntakeRejectedException(KimProblems.BadRequest("The multipart body has no usable boundary."));
        }

        var reader = new MultipartReader(boundary, request.Body)
        {
            HeadersLengthLimit = KimLimits.MultipartHeadersBytes,
            // Above our own per-file limit, so that ours, which names the file, fires first.
            BodyLengthLimit = Math.Max(options.MaxFileBytes, KimLimits.FormFieldsBytes) + CopyBufferBytes,
        };
        var fields = new KeyValueAccumulator();
        var files = new List<IntakeFile>();
        long fieldBytes = 0;
        var fieldCount = 0;
        try
        {
            while (await MultipartBody.NextSectionAsync(reader, cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    throw new IntakeRejectedException(KimProblems.BadRequest("Every part needs 'Content-Disposition: form-data' with a name."));
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (disposition.IsFileDisposition())
                {
                    if (!string.Equals(name, IntakeFields.Documents, StringComparison.Ordinal))
                    {
                        throw new IntakeRejectedException(KimProblems.Validation(name, $"files go in parts named '{IntakeFields.Documents}'"));
                    }

                    if (files.Count == options.MaxFiles)
                    {
                        throw new IntakeRejectedException(KimProblems.PayloadTooLarge(
                            $"An intake carries at most {options.MaxFiles} files.", options.MaxFiles));
                    }

                    files.Add(await ReadFileAsync(section, disposition, files.Count + 1, cancellationToken));
                    continue;
                }

                if (++fieldCount > KimLimits.FormFieldCount)
                {
                    throw new IntakeRejectedException(KimProblems.PayloadTooLarge(
                        $"A form carries at most {KimLimits.FormFieldCount} fields.", KimLimits.FormFieldCount));
                }

                var (value, length) = await ReadFieldAsync(section, KimLimits.FormFieldsBytes - fieldBytes, cancellationToken);
                fieldBytes += length;
                fields.Append(name, value);
            }
        }
        catch (Exception e)
        {
            foreach (var file in files)
            {
                await file.DisposeAsync();
            }

            if (e is InvalidDataException)
            {
                // Cut off, malformed part headers, headers over the limit: not multipart as declared.
                throw new IntakeRejectedException(KimProblems.BadRequest("The multipart body could not be read: " + e.Message));
            }

            throw;
        }

        var errors = new IntakeErrors();
        var result = IntakeReader.Bind(IntakeFormConverter.ToJson(fields.GetResults(), errors), errors, files);
        if (result.Upload is null)
        {
            foreach (var file in files)
            {
                await file.DisposeAsync();
            }

            throw new IntakeRejectedException(result.Problem!);
        }

        return result.Upload;
    }

    /// <summary>Reads a field's value, refusing it once the fields together pass their budget.</summary>
    private static async Task<(string Value, long Length)> ReadFieldAsync(MultipartSection section, long budget, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while ((read = await MultipartBody.ReadAsync(section, chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > budget)
            {
                throw new IntakeRejectedException(KimProblems.PayloadTooLarge(
                    $"The form fields of an intake may hold at most {KimLimits.FormFieldsBytes} bytes.", KimLimits.FormFieldsBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), buffer.Length);
    }

    private async Task<IntakeFile> ReadFileAsync(
        MultipartSection section, ContentDispositionHeaderValue disposition, int number, CancellationToken cancellationToken)
    {
        var (part, problem) = await UploadedFilePart.ReadAsync(
            section, disposition, number, options.MaxFileBytes, IntakeFields.Documents, cancellationToken);
        return part is null
            ? throw new IntakeRejectedException(problem!)
            : new IntakeFile(part.Content, part.FileName, section.ContentType, part.Type, part.Length, part.Sha256);
    }
}
