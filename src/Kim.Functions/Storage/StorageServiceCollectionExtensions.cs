using Azure.Identity;
using Kim.Core.Storage;

namespace Kim.Functions.Storage;

/// <summary>Registers Kim's storage clients, read from <c>AzureWebJobsStorage</c> as Azure Functions reads it.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Reads the storage account (in Development a missing setting means Azurite; elsewhere it stops
    /// start-up with a clear message), registers the three service clients and the health check, and
    /// a start-up step that creates every table, queue and container in <see cref="StorageNames"/>.
    /// </summary>
    /// <param name="configure">Adjusts the clients' options, e.g. adds a request-counting policy in tests.</param>
    public static IServiceCollection AddKimStorage(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment environment,
        Action<StorageClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        var account = ReadAccount(configuration, environment);
        var options = new StorageClientOptions();
        configure?.Invoke(options);

        services.AddSingleton(account);
        services.AddSingleton(options);
        services.AddSingleton(new TableServiceClient(account, options));
        services.AddSingleton(new QueueServiceClient(account, options));
        services.AddSingleton(new BlobServiceClient(account, options));
        services.AddSingleton(new StorageHealthCheck(account));
        services.AddHostedService<StorageProvisioningService>();
        return services;
    }

    private static StorageAccount ReadAccount(IConfiguration configuration, IHostEnvironment environment)
    {
        const string Name = StorageAccount.DefaultSettingName;
        var section = configuration.GetSection(Name);
        if (environment.IsDevelopment() && string.IsNullOrWhiteSpace(section.Value) && !section.GetChildren().Any())
        {
            return StorageAccount.DevelopmentStorage;
        }

        // Environment variables name nested settings with "__"; IConfiguration with ":".
        return StorageAccount.FromSettings(
            key => configuration[key.Replace("__", ":", StringComparison.Ordinal)],
            () => new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                // As the Functions host: a user-assigned managed identity is named by clientId.
                ManagedIdentityClientId = configuration[$"{Name}:clientId"],
            }),
            Name);
    }
}
