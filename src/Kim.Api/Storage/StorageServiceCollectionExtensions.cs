using Azure.Core;
using Kim.Core;
using Kim.Core.Storage;

namespace Kim.Api.Storage;

/// <summary>Registers the Azure Storage SDK clients, read from <c>AzureWebJobsStorage</c> as Azure Functions reads it.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Reads the storage account (in Development a missing setting means Azurite; elsewhere it stops
    /// start-up with an <see cref="InvalidSettingException"/>), registers the Table, Queue and Blob
    /// service clients of <see cref="StorageAccount"/> (adjusted by a registered <see cref="StorageClientConfiguration"/>
    /// if any) and the health check, and
    /// a start-up step that creates every table, queue and container in <see cref="StorageNames"/>.
    /// </summary>
    /// <param name="configure">Adjusts the clients' options, e.g. adds a request-counting policy in tests.</param>
    public static IServiceCollection AddKimStorage(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment environment,
        Action<ClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        var account = ReadAccount(configuration, environment);
        services.AddSingleton(account);
        services.AddSingleton(provider => account.CreateTableServiceClient(Configure(provider, configure)));
        services.AddSingleton(provider => account.CreateQueueServiceClient(Configure(provider, configure)));
        services.AddSingleton(provider => account.CreateBlobServiceClient(Configure(provider, configure)));
        services.AddSingleton(new StorageHealthCheck(account));
        services.AddHostedService<StorageProvisioningService>();
        return services;
    }

    private static Action<ClientOptions> Configure(IServiceProvider provider, Action<ClientOptions>? configure)
    {
        var registered = provider.GetService<StorageClientConfiguration>();
        return options =>
        {
            configure?.Invoke(options);
            registered?.Apply(options);
        };
    }

    private static StorageAccount ReadAccount(IConfiguration configuration, IHostEnvironment environment)
    {
        const string Name = StorageAccount.DefaultSettingName;
        var section = configuration.GetSection(Name);
        if (environment.IsDevelopment() && string.IsNullOrWhiteSpace(section.Value) && !section.GetChildren().Any())
        {
            return StorageAccount.DevelopmentStorage;
        }

        try
        {
            // Environment variables name nested settings with "__"; IConfiguration with ":".
            return StorageAccount.FromSettings(key => configuration[key.Replace("__", ":", StringComparison.Ordinal)], name: Name);
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException)
        {
            throw new InvalidSettingException(Name, "is not usable: " + exception.Message, exception);
        }
    }
}
