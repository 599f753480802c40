using Microsoft.AspNetCore.WebUtilities;

namespace Kim.Api.Http;

/// <summary>
/// Reads the sections of a multipart body and their content. A body cut off in the middle (of a
/// part's headers or content, or before the closing boundary) makes the framework's reader throw an
/// <see cref="IOException"/>; here it becomes the <see cref="InvalidDataException"/> that malformed
/// headers raise, so that callers answer every unreadable body with one 400. A body over its limit
/// (<see cref="BadHttpRequestException"/>, 413) passes through unchanged.
/// </summary>
internal static class MultipartBody
{
    public static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            throw new InvalidDataException("The multipart body ended before its closing boundary.", e);
        }
    }

    public static async Task<int> ReadAsync(MultipartSection section, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(section);
        try
        {
            return await section.Body.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            throw new InvalidDataException("The multipart body ended inside a part.", e);
        }
    }
}
