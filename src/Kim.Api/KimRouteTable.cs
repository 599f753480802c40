using Kim.Api.Access;
using Kim.Api.Http;

namespace Kim.Api;

/// <summary>
/// The route table (<see cref="KimApi.MapKimRoutes"/>) behind Kim's middleware as one request
/// delegate, for a host without endpoint routing of its own: the Azure Functions isolated worker,
/// whose HTTP triggers each hand their request here (PLATFORM.md, "Azure Functions isolated
/// worker"). The pipeline is the one <see cref="KimApi.MapKimApi"/> builds on Kestrel — routing,
/// <see cref="HttpExtensions.UseKimHttp"/>, <see cref="AccessExtensions.UseKimAccess"/>, the
/// endpoints — so a route answers alike under both hosts: the same authorization, problem
/// details, body and rate limits and handler.
/// </summary>
public sealed class KimRouteTable
{
    private readonly RequestDelegate _pipeline;

    private KimRouteTable(RequestDelegate pipeline, IReadOnlyList<RouteEndpoint> endpoints)
    {
        _pipeline = pipeline;
        Endpoints = endpoints;
    }

    /// <summary>Every route of the table with its pattern, HTTP methods and metadata.</summary>
    public IReadOnlyList<RouteEndpoint> Endpoints { get; }

    /// <summary>
    /// Builds the pipeline on the host's services (after <see cref="KimApi.AddKimApi"/>). Build it
    /// once per process: the routes' handlers are compiled here.
    /// </summary>
    public static KimRouteTable Build(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var app = new ApplicationBuilder(services);

        // Routing first, as WebApplication places it, so that the request log and the exception
        // handler see the matched endpoint exactly as on Kestrel.
        app.UseRouting();
        app.UseKimHttp();
        app.UseKimAccess();
        IEndpointRouteBuilder? table = null;
        app.UseEndpoints(routes => table = routes.MapKimRoutes());
        var pipeline = app.Build();
        var endpoints = table!.DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>().ToList();
        return new KimRouteTable(pipeline, endpoints);
    }

    /// <summary>
    /// Answers <paramref name="context"/> from the table: the route that Kim's own routing matches
    /// for its method and path runs and writes the response. Whatever endpoint and route values
    /// the host's routing set are dropped first (a set endpoint would make routing skip matching).
    /// </summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        return _pipeline(context);
    }
}
