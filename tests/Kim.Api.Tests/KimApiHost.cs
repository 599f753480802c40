using System.Net.Http.Headers;
using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Api.Intake;
using Kim.Api.Limits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kim.Api.Tests;

/// <summary>
/// The API edge on a real Kestrel at 127.0.0.1 on a free port, wired through the same extension
/// methods Program.cs will call, plus a few routes that only tests need (one per staff policy, a
/// bound JSON body, a throwing route).
/// </summary>
public sealed class KimApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KimApiHost(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(20) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The in-memory sink, unless the test registered its own.</summary>
    public InMemoryIntakeSink Sink => (InMemoryIntakeSink)Services.GetRequiredService<IIntakeSink>();

    public IAccessDirectory Directory => Services.GetRequiredService<IAccessDirectory>();

    public static async Task<KimApiHost> StartAsync(
        string environment = "Development",
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        var configuration = builder.Configuration;
        services?.Invoke(builder.Services);
        builder.Services.AddOpenApi();
        builder.Services.AddKimHttp(configuration);
        builder.Services.AddKimAccess(configuration);
        builder.Services.AddKimLimits(configuration);
        builder.Services.AddSingleton<IIntakeQuotaCounter, InMemoryIntakeQuotaCounter>();
        builder.Services.AddKimIntake(configuration);

        var app = builder.Build();
        app.UseKimHttp();
        app.UseKimAccess();
        app.MapApiDocs();
        app.MapKimIntake();
        MapTestRoutes(app);
        await app.StartAsync();

        if (!app.Environment.IsDevelopment())
        {
            // Outside Development nothing is seeded; the tests still need partners and staff.
            await DemoData.SeedAsync(app.Services.GetRequiredService<IAccessDirectory>(), CancellationToken.None);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new KimApiHost(app, new Uri(address));
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? apiKey = null, string? staffId = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (apiKey is not null)
        {
            request.Headers.Add(KimAuthenticationSchemes.ApiKeyHeader, apiKey);
        }

        if (staffId is not null)
        {
            request.Headers.Add(KimAuthenticationSchemes.DevelopmentUserHeader, staffId);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void MapTestRoutes(WebApplication app)
    {
        app.MapKimStaffGroup("/test/case-manager", KimPolicies.CaseManager)
            .MapGet(string.Empty, (HttpContext context) => context.GetStaffMember().Id);
        app.MapKimStaffGroup("/test/coordinator", KimPolicies.Coordinator)
            .MapGet(string.Empty, (HttpContext context) => context.GetStaffMember().Id);
        var cases = app.MapKimStaffGroup("/test/cases", KimPolicies.CaseManager);
        cases.MapPost("/note", (TestNote note) => TypedResults.Ok(note));
        cases.MapPost("/transition", () => KimProblems.IllegalTransition("accept", "referred").ToResult());
        cases.MapGet("/boom", string () => throw new InvalidOperationException("secret internals"));
    }
}
