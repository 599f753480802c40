using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kim.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OpenApi;

namespace Kim.Api.Http;

/// <summary>Wiring of the HTTP edge: problem details, exception mapping, JSON shape, OpenAPI additions.</summary>
public static class HttpExtensions
{
    /// <summary>Problem details for every error, the exception handler, Kim's JSON shape and the OpenAPI security schemes.</summary>
    public static IServiceCollection AddKimHttp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApplyKimType);
        services.AddExceptionHandler<KimExceptionHandler>();

        // The same shape as KimJson, so that what the API writes is what the workflows store; but
        // every instant in Europe/Berlin time, the one convention of the answers.
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = KimJson.Options.PropertyNamingPolicy;
            options.SerializerOptions.DefaultIgnoreCondition = KimJson.Options.DefaultIgnoreCondition;
            options.SerializerOptions.AllowDuplicateProperties = KimJson.Options.AllowDuplicateProperties;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            options.SerializerOptions.Converters.Add(new BerlinInstantConverter());
        });

        // Binding errors (a body of the wrong shape) go through KimExceptionHandler in every
        // environment, not only in Development, so that they are answered alike everywhere.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.ConfigureAll<OpenApiOptions>(options =>
        {
            options.AddDocumentTransformer<SecuritySchemesTransformer>();
            options.AddOperationTransformer<SecurityRequirementTransformer>();
            options.AddSchemaTransformer<LimitsSchemaTransformer>();
            options.AddDocumentTransformer<LimitsSchemaTransformer>();
        });
        return services;
    }

    /// <summary>Category of the one log line per request (method, path, status, duration).</summary>
    public const string RequestLogCategory = "Kim.Api.Http.Requests";

    /// <summary>
    /// The request log line, then exception handling and status code pages, before authentication
    /// and the endpoints so that their errors, and routing's bare 404/405/415, become problem
    /// details. ASP.NET Core's own per-request lines are below Information (appsettings.json).
    /// </summary>
    public static IApplicationBuilder UseKimHttp(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var requests = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(RequestLogCategory);
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                // Outside the exception handler: the status is the one the caller gets.
                var request = context.Request;
                HttpLogs.Request(requests, request.Method, request.PathBase + request.Path, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Limits the request body of an endpoint or group (the server default is 30 MB).</summary>
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long maxBytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestBodyLimitMetadata(maxBytes));

    /// <summary>
    /// Limits this request's body while it is read (413 through the exception handler), for a route
    /// whose limit depends on what the request carries (an intake as JSON or with files).
    /// </summary>
    public static void SetRequestBodyLimit(this HttpContext context, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = maxBytes;
        }
    }

    /// <summary>
    /// For a refusal before the request body is read: the connection closes after the answer, as
    /// it does when the server itself refuses a body too large. Kept open, the server would have to
    /// read the unread body to find the next request, and past the body limit it cannot, so it
    /// would drop the connection under a client about to reuse it.
    /// </summary>
    public static void CloseAfterResponse(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.Connection = "close";
    }

    /// <summary>
    /// Gives problems raised by the framework (status code pages, 400 from binding) Kim's stable
    /// type and title; problems Kim raised already carry one and keep it.
    /// </summary>
    private static void ApplyKimType(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Status = status;
        if (problem.Type is null || !problem.Type.StartsWith(ProblemTypes.BaseUri, StringComparison.Ordinal))
        {
            problem.Type = ProblemTypes.ForStatus(status);
            problem.Title = ProblemTypes.TitleFor(problem.Type);
        }

        if (status >= 500)
        {
            // Whatever raised it, a server error says nothing about the inside.
            problem.Extensions.Remove("exception");
            problem.Extensions.Remove("errors");
        }
    }
}
