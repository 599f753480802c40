using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Kim.Api.Http;

/// <summary>
/// Turns exceptions into problem details: a request the server could not read (body too large,
/// malformed JSON for a bound parameter) into its 4xx; anything else into a 500 that says nothing
/// about the inside, with the trace id to find it in the logs.
/// </summary>
internal sealed class KimExceptionHandler(ILogger<KimExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var request = httpContext.Request;
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody reads an answer.
            return true;
        }

        if (exception is BadHttpRequestException bad)
        {
            HttpLogs.BadRequest(logger, exception, request.Method, request.Path, bad.StatusCode);
            var problem = bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => KimProblems.PayloadTooLarge(
                    "The request body is larger than this route accepts; see the limits in the API documentation."),
                StatusCodes.Status415UnsupportedMediaType => KimProblems.Create(
                    ProblemTypes.UnsupportedMediaType, bad.StatusCode, "This route does not accept that content type."),
                _ when bad.InnerException is JsonException { Path: { Length: > 1 } path } =>
                    KimProblems.BadRequest($"The body is not valid JSON of the expected shape at '{path.TrimStart('$', '.')}'."),
                _ when bad.InnerException is JsonException => KimProblems.BadRequest("The body is not valid JSON of the expected shape."),
                >= 400 and < 500 => KimProblems.Create(ProblemTypes.ForStatus(bad.StatusCode), bad.StatusCode, "The request could not be read."),
                _ => KimProblems.BadRequest("The request could not be read."),
            };
            await WriteAsync(httpContext, problem);
            return true;
        }

        HttpLogs.UnhandledException(logger, exception, request.Method, request.Path);
        await WriteAsync(httpContext, KimProblems.Create(ProblemTypes.Internal, StatusCodes.Status500InternalServerError,
            "Something went wrong on our side. Quote the trace id when you report it."));
        return true;
    }

    private static async Task WriteAsync(HttpContext context, Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.Clear();
        await KimProblems.WriteAsync(context, problem);
    }
}
