using Kim.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kim.Api.Tests;

/// <summary>
/// The real Kim app (its own Program) on a real Kestrel at a free loopback port, in Development, on
/// the test project's Azurite (started by AzuriteFixture with --disableTelemetry), with a fake clock the test moves. Settings can be added per app.
/// Each app has a Durable task hub of its own (a fresh name, one partition, queues polled at least
/// every second), so that no orchestration of one test runs in the app of another; a test that
/// restarts Kim on the same task hub sets <c>Kim__Durable__TaskHub</c> itself.
/// </summary>
public sealed class KimApp : WebApplicationFactory<Program>
{
    private readonly AzuriteFixture _azurite;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Registers services of the test after the app's, e.g. orchestrations of its own.</param>
    public KimApp(
        AzuriteFixture azurite,
        DateTimeOffset? now = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        _azurite = azurite;
        var merged = new Dictionary<string, string?>
        {
            ["Kim:Durable:TaskHub"] = NewTaskHubName(),
            ["Kim:Durable:PartitionCount"] = "1",
            ["Kim:Durable:MaxQueuePollingInterval"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        _settings = merged;
        _services = services;
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
            _services?.Invoke(services);
        });
    }

    /// <summary>A task hub name no other app uses: a letter, then letters and digits (DurableSettings).</summary>
    public static string NewTaskHubName() => "t" + Guid.NewGuid().ToString("N")[..15];
}
