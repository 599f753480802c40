using Kim.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kim.Api.Tests;

/// <summary>
/// The real Kim app (its own Program) on a real Kestrel at a free loopback port, in Development, on
/// the test project's Azurite (started by AzuriteFixture with --disableTelemetry), with a fake clock the test moves. Settings can be added per app.
/// </summary>
public sealed class KimApp : WebApplicationFactory<Program>
{
    private readonly AzuriteFixture _azurite;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public KimApp(AzuriteFixture azurite, DateTimeOffset? now = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _azurite = azurite;
        _settings = settings ?? new Dictionary<string, string?>();
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.FromHours(1)));
        UseKestrel(0);
        StartServer();
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>A client with no identity.</summary>
    public HttpClient Anonymous() => CreateClient();

    /// <summary>A client signed in as a staff member through the Development sign-in.</summary>
    public HttpClient Staff(string staffId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Kim-User", staffId);
        return client;
    }

    /// <summary>A partner's server calling with its API key.</summary>
    public HttpClient Partner(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("AzureWebJobsStorage", _azurite.ConnectionString);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }
}
