using Kim.Core.Input;
using Microsoft.Net.Http.Headers;

namespace Kim.Api.Http;

/// <summary>
/// The one door of every JSON request body of Kim's routes (intake, referral responses, PATCH,
/// transitions, every staff POST): the body is read within the route's limit, checked by
/// <see cref="CanonicalJson"/> and put back in NFC before the endpoint binds it, so that no route can
/// forget the rule. Refused: malformed JSON and text that is not valid Unicode (400 <c>bad-request</c>),
/// a member sent twice (422 <c>validation</c> naming the member, as a form field sent twice is).
/// These depend on the body alone, so they are answered before the route looks at anything else.
/// </summary>
internal static class JsonBodyGate
{
    /// <summary>An endpoint convention: runs the gate before the endpoint's own delegate (after authorization).</summary>
    public static void Apply(EndpointBuilder endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var next = endpoint.RequestDelegate ?? throw new InvalidOperationException($"Endpoint {endpoint.DisplayName} has no request delegate.");
        endpoint.RequestDelegate = context => InvokeAsync(context, next);
    }

    /// <summary><c>application/json</c> and every <c>+json</c> type (<c>application/merge-patch+json</c>).</summary>
    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.ContentLength == 0 || !IsJson(request.ContentType))
        {
            await next(context);
            return;
        }

        var body = await ReadAsync(request, context.RequestAborted);
        if (body is null)
        {
            await KimProblems.WriteAsync(context, KimProblems.PayloadTooLarge(
                $"A JSON body may hold at most {KimLimits.JsonBodyBytes} bytes.", KimLimits.JsonBodyBytes));
            return;
        }

        var canonical = body.Length == 0 ? CanonicalJsonResult.Of(body) : CanonicalJson.Canonicalise(body);
        if (!canonical.IsValid)
        {
            await KimProblems.WriteAsync(context, Problem(canonical));
            return;
        }

        request.Body = new MemoryStream(canonical.Json!, writable: false);
        request.ContentLength = canonical.Json!.Length;
        await next(context);
    }

    /// <summary>The body, or null when it is longer than <see cref="KimLimits.JsonBodyBytes"/> (the server's own limit usually stops it first).</summary>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > KimLimits.JsonBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Problem(CanonicalJsonResult refused) => refused.Fault switch
    {
        JsonFault.DuplicateMember => KimProblems.Validation(
            refused.Path!,
            "must be sent once",
            "A JSON object may hold each member once (RFC 7493, I-JSON); names that differ only in case are the same member."),
        JsonFault.InvalidUnicode => KimProblems.BadRequest(
            $"The text at '{refused.Path}' is not valid Unicode (a lone surrogate such as \\ud800, or bytes that are not UTF-8)."),
        _ => KimProblems.BadRequest("The body is not well-formed JSON."),
    };
}
