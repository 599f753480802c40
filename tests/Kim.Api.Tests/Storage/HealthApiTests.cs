using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Kim.Api.Storage;
using Kim.Core;
using Kim.Core.Storage;
using Kim.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kim.Api.Tests.Storage;

/// <summary>The health endpoint and storage wiring, through a real Kestrel on a free port.</summary>
public sealed class HealthApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static async Task<WebApplication> StartAsync(string connectionString, string environment = "Production")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connectionString });
        builder.Services.AddKimStorage(builder.Configuration, builder.Environment);
        var app = builder.Build();
        app.MapHealthApi();
        using var startTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StartAsync(startTimeout.Token);
        return app;
    }

    private static Uri BaseAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    [Fact(Timeout = 60_000)]
    public async Task Health_is_200_with_every_service_reachable_and_start_up_created_the_storage()
    {
        await using var app = await StartAsync(azurite.ConnectionString);
        using var http = new HttpClient { BaseAddress = BaseAddress(app), Timeout = TimeSpan.FromSeconds(20) };

        using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        var services = body.RootElement.GetProperty("services");
        Assert.Equal(
            ("reachable", "reachable", "reachable"),
            (services.GetProperty("tables").GetString(), services.GetProperty("queues").GetString(), services.GetProperty("blobs").GetString()));

        var account = StorageAccount.Parse(azurite.ConnectionString);
        Assert.True((await account.CreateBlobServiceClient().GetBlobContainerClient(StorageNames.DocumentsContainer).ExistsAsync()).Value);
        Assert.Contains(
            StorageNames.InstancesTable,
            await account.CreateTableServiceClient().QueryAsync(TableClient.CreateQueryFilter($"TableName eq {StorageNames.InstancesTable}")).Select(t => t.Name).ToListAsync());
    }

    [Fact(Timeout = 60_000)]
    public async Task Health_is_503_with_the_same_shape_when_a_service_is_unreachable()
    {
        // Swap the health check for one whose queue endpoint points at a closed port.
        var closedPort = new Uri($"http://127.0.0.1:1/{AzuriteFixture.AccountName}");
        var broken = StorageAccount.Parse(azurite.ConnectionString.Replace(azurite.QueueEndpoint.ToString(), closedPort.ToString(), StringComparison.Ordinal));
        await using var brokenApp = await StartWithHealthCheckAsync(new StorageHealthCheck(broken, TimeSpan.FromSeconds(2)));
        using var http = new HttpClient { BaseAddress = BaseAddress(brokenApp), Timeout = TimeSpan.FromSeconds(20) };

        using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        var services = body.RootElement.GetProperty("services");
        Assert.Equal("reachable", services.GetProperty("tables").GetString());
        Assert.Equal("unreachable", services.GetProperty("queues").GetString());
        Assert.Equal("reachable", services.GetProperty("blobs").GetString());
    }

    [Fact]
    public void Outside_development_a_missing_storage_setting_stops_start_up_with_a_clear_message()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        var e = Assert.Throws<InvalidSettingException>(() => builder.Services.AddKimStorage(new ConfigurationBuilder().Build(), builder.Environment));
        Assert.Contains("AzureWebJobsStorage", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_development_a_missing_storage_setting_means_azurite()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Services.AddKimStorage(new ConfigurationBuilder().Build(), builder.Environment);
        using var provider = builder.Services.BuildServiceProvider();
        Assert.Same(StorageAccount.DevelopmentStorage, provider.GetRequiredService<StorageAccount>());
    }

    private static async Task<WebApplication> StartWithHealthCheckAsync(StorageHealthCheck check)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(check);
        var app = builder.Build();
        app.MapHealthApi();
        await app.StartAsync();
        return app;
    }
}
