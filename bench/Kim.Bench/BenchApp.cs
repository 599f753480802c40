using System.Globalization;
using Kim.Api.Access;
using Kim.Core.Records;
using Kim.Standalone.Durable;
using Kim.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Bench;

/// <summary>
/// The real Standalone app (its Program on Kestrel at a free loopback port, Development, the real
/// clock) on the bench's Azurite, with every storage request of Kim's clients and of the task hub's
/// counted in <see cref="Requests"/>. Partner and staff limits are lifted so that the bench measures
/// storage, not the rate limiter. (The type argument only names Kim.Standalone's assembly: this
/// runner's own top-level Program shadows Standalone's.)
/// </summary>
public sealed class BenchApp : WebApplicationFactory<DurableSettings>
{
    private readonly AzuriteFixture _azurite;

    public BenchApp(AzuriteFixture azurite, string taskHub, TimeSpan maxQueuePollingInterval)
    {
        _azurite = azurite;
        TaskHub = taskHub;
        MaxQueuePollingInterval = maxQueuePollingInterval;
        // Outside a test project the factory guesses the content root beside Kim.sln; this variable is its documented override.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_KIM_STANDALONE", Path.Combine(RepoPaths.Root, "src", "Kim.Standalone"));
        UseKestrel(0);
        StartServer();
    }

    public string TaskHub { get; }

    public TimeSpan MaxQueuePollingInterval { get; }

    public StorageRequests Requests { get; } = new();

    public WorkflowClient Workflows => Services.GetRequiredService<WorkflowClient>();

    /// <summary>A client signed in as a staff member through the Development sign-in.</summary>
    public HttpClient Staff(string staffId = "cm-luedenscheid")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Kim-User", staffId);
        return client;
    }

    /// <summary>The job centre's server calling with its development API key.</summary>
    public HttpClient Partner()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", DemoData.JobCentreKey);
        return client;
    }

    /// <summary>A task hub name no other app of the run uses: a letter, then letters and digits (DurableSettings).</summary>
    public static string NewTaskHubName() => "b" + Guid.NewGuid().ToString("N")[..15];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("AzureWebJobsStorage", _azurite.ConnectionString);
        builder.UseSetting("Kim:Durable:TaskHub", TaskHub);
        builder.UseSetting("Kim:Durable:MaxQueuePollingInterval", MaxQueuePollingInterval.ToString("c", CultureInfo.InvariantCulture));
        builder.UseSetting("Kim:Limits:Partner:IntakesPerDay", "1000000");
        builder.UseSetting("Kim:Limits:Partner:RequestsPerMinute", "1000000");
        builder.UseSetting("Kim:Limits:Staff:RequestsPerMinute", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        // A wake event that reaches a case clock before its start is abandoned and retried with a warning: noise in the figures' output.
        builder.UseSetting("Logging:LogLevel:DurableTask.AzureStorage", "Error");
        builder.ConfigureServices(services => services.AddSingleton(Requests.Configuration()));
    }
}
