using System.Text.Json;
using System.Text.Json.Nodes;
using Kim.Api.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Kim.Api.Intake;

/// <summary>
/// Reads an intake in any of its three content types into the same model, within the limits:
/// a JSON or URL-encoded body up to <see cref="KimLimits.JsonBodyBytes"/>, a multipart body up to
/// <see cref="IntakeOptions.MaxMultipartBytes"/>.
/// </summary>
public sealed class IntakeReader(IOptionsMonitor<IntakeOptions> options)
{
    public const string Json = "application/json";
    public const string Multipart = "multipart/form-data";
    public const string UrlEncoded = "application/x-www-form-urlencoded";

    public static IReadOnlyList<string> ContentTypes { get; } = [Json, Multipart, UrlEncoded];

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    public async Task<IntakeReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limits = options.CurrentValue;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !ContentTypes.Contains(contentType.MediaType.Value, StringComparer.OrdinalIgnoreCase))
        {
            return IntakeReadResult.Rejected(KimProblems.UnsupportedMediaType(
                "Send the intake as application/json, multipart/form-data or application/x-www-form-urlencoded.", ContentTypes));
        }

        var mediaType = contentType.MediaType.Value!.ToLowerInvariant();
        var maxBytes = mediaType == Multipart ? limits.MaxMultipartBytes : KimLimits.JsonBodyBytes;
        if (request.ContentLength > maxBytes)
        {
            // Refused on the declared length, before a byte of the body is read; a body without a
            // length (chunked) is cut off by the server at the same limit while it streams in.
            request.HttpContext.CloseAfterResponse();
            return IntakeReadResult.Rejected(KimProblems.PayloadTooLarge(
                $"The intake has {request.ContentLength} bytes; a {mediaType} intake may have at most {maxBytes}.", maxBytes));
        }

        request.HttpContext.SetRequestBodyLimit(maxBytes);
        try
        {
            return mediaType switch
            {
                Json => await ReadJsonAsync(request, cancellationToken),
                UrlEncoded => await ReadUrlEncodedAsync(request, cancellationToken),
                _ => IntakeReadResult.Of(await new MultipartIntakeReader(limits).ReadAsync(request, contentType, cancellationToken)),
            };
        }
        catch (IntakeRejectedException rejected)
        {
            return IntakeReadResult.Rejected(rejected.Problem);
        }
    }

    private static async Task<IntakeReadResult> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, documentOptions: DocumentOptions, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return IntakeReadResult.Rejected(KimProblems.BadRequest("The body is not well-formed JSON."));
        }

        return Bind(node, new IntakeErrors(), []);
    }

    private static async Task<IntakeReadResult> ReadUrlEncodedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new FormReader(request.Body)
        {
            ValueCountLimit = KimLimits.FormFieldCount,
            KeyLengthLimit = KimLimits.ShortTextLength,
            ValueLengthLimit = (int)KimLimits.JsonBodyBytes,
        };
        Dictionary<string, Microsoft.Extensions.Primitives.StringValues> fields;
        try
        {
            fields = await reader.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            return IntakeReadResult.Rejected(KimProblems.PayloadTooLarge(exception.Message));
        }

        var errors = new IntakeErrors();
        return Bind(IntakeFormConverter.ToJson(fields, errors), errors, []);
    }

    /// <summary>Binds the JSON of a request (from JSON or converted from a form) and pairs it with the files.</summary>
    internal static IntakeReadResult Bind(JsonNode? node, IntakeErrors errors, IReadOnlyList<IntakeFile> documents)
    {
        var intake = IntakeJsonBinding.Bind(node, errors);
        if (!errors.IsEmpty || intake is null)
        {
            return IntakeReadResult.Rejected(KimProblems.Validation(errors.ToDictionary()));
        }

        return IntakeReadResult.Of(new IntakeUpload(intake, documents));
    }
}
