using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Api.Http;

/// <summary>
/// Problem details Kim answers with. Each carries its <see cref="ProblemTypes"/> URI and status;
/// the title comes from the type, the detail says what to do about it.
/// </summary>
public static class KimProblems
{
    /// <summary>422 with the failing fields, as <c>errors: { field: [messages] }</c>.</summary>
    public static HttpValidationProblemDetails Validation(
        IDictionary<string, string[]> errors, string? detail = null) =>
        new(errors)
        {
            Type = ProblemTypes.Validation,
            Title = ProblemTypes.TitleFor(ProblemTypes.Validation),
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = detail ?? "See errors for the failing fields.",
        };

    /// <summary>422 for one field.</summary>
    public static HttpValidationProblemDetails Validation(string field, string message, string? detail = null) =>
        Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] }, detail);

    public static ProblemDetails Create(string type, int status, string? detail = null) =>
        new()
        {
            Type = type,
            Title = ProblemTypes.TitleFor(type),
            Status = status,
            Detail = detail,
        };

    public static ProblemDetails BadRequest(string detail) =>
        Create(ProblemTypes.BadRequest, StatusCodes.Status400BadRequest, detail);

    public static ProblemDetails PayloadTooLarge(string detail, long? limit = null)
    {
        var problem = Create(ProblemTypes.PayloadTooLarge, StatusCodes.Status413PayloadTooLarge, detail);
        if (limit is not null)
        {
            problem.Extensions["limit"] = limit;
        }

        return problem;
    }

    /// <summary>
    /// 429 <c>too-many-requests</c>: sets <c>Retry-After</c> on <paramref name="response"/> in whole
    /// seconds (RFC 9110 §10.2.3), rounded up so that a client waiting that long is not refused
    /// again, and carries the same number as <c>retryAfter</c>.
    /// </summary>
    public static ProblemDetails TooManyRequests(HttpResponse response, TimeSpan retryAfter, string detail)
    {
        ArgumentNullException.ThrowIfNull(response);
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = Create(ProblemTypes.TooManyRequests, StatusCodes.Status429TooManyRequests, detail);
        problem.Extensions["retryAfter"] = seconds;
        return problem;
    }

    public static ProblemDetails UnsupportedMediaType(string detail, IReadOnlyList<string> accepted)
    {
        var problem = Create(ProblemTypes.UnsupportedMediaType, StatusCodes.Status415UnsupportedMediaType, detail);
        problem.Extensions["accepted"] = accepted;
        return problem;
    }

    public static ProblemDetails NotFound(string? detail = null) =>
        Create(ProblemTypes.NotFound, StatusCodes.Status404NotFound, detail);

    public static ProblemDetails Conflict(string detail) =>
        Create(ProblemTypes.Conflict, StatusCodes.Status409Conflict, detail);

    /// <summary>409 for a transition the case's state does not allow; <c>currentState</c> names the state.</summary>
    public static ProblemDetails IllegalTransition(string transition, string currentState)
    {
        var problem = Create(ProblemTypes.IllegalTransition, StatusCodes.Status409Conflict,
            $"'{transition}' is not possible in state '{currentState}'.");
        problem.Extensions["currentState"] = currentState;
        return problem;
    }

    public static ProblemDetails IdempotencyKeyReused(string detail) =>
        Create(ProblemTypes.IdempotencyKeyReused, StatusCodes.Status422UnprocessableEntity, detail);

    /// <summary>As an endpoint result: <c>application/problem+json</c> through the problem details service.</summary>
    public static IResult ToResult(this ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return TypedResults.Problem(problem);
    }

    /// <summary>Writes a problem outside an endpoint (authentication handlers, exception handling).</summary>
    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            // The client's Accept header ruled out JSON; problem+json is still the only error shape we have.
            await context.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json");
        }
    }
}
