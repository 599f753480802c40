using DurableTask.AzureStorage;
using Kim.Core;
using Kim.Core.Orchestrations;
using Kim.Core.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.Options;

namespace Kim.Standalone.Durable;

/// <summary>
/// Durable orchestrations without the Functions host (ARCHITECTURE.md, "Two hosts, one app"): Kim's
/// orchestrators and activities run in a Durable Task worker connected over loopback gRPC to an
/// in-process sidecar (<see cref="DurableSidecar"/>) in front of DurableTask.AzureStorage, so the task
/// hub lives in the storage account of <c>AzureWebJobsStorage</c> in the format Durable Functions uses.
/// </summary>
public static class DurableBackend
{
    private static int _backends;

    /// <summary>
    /// Registers the task hub, the sidecar, the worker with <see cref="KimOrchestrations.Register"/>'s
    /// tasks, and the default <see cref="DurableTaskClient"/> (injectable into any handler). Call after
    /// the storage account is registered (<c>AddKimApi</c>): the backend uses its endpoints, credential
    /// and client options. A test adds tasks of its own with another
    /// <c>services.AddDurableTaskWorker(b => b.AddTasks(…))</c>.
    /// </summary>
    /// <exception cref="InvalidSettingException">A <c>Kim:Durable:…</c> setting is invalid (<see cref="DurableSettings.Read"/>).</exception>
    public static WebApplicationBuilder AddKimDurable(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = DurableSettings.Read(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(provider => new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = settings.TaskHub,
            MaxQueuePollingInterval = settings.MaxQueuePollingInterval,
            PartitionCount = settings.PartitionCount,
            // The owner written into the partition table; several apps in one process (tests) differ by the last number.
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}-{Interlocked.Increment(ref _backends)}",
            StorageAccountClientProvider = ClientProvider(provider.GetRequiredService<StorageAccount>(), provider.GetService<StorageClientConfiguration>()),
            LoggerFactory = provider.GetRequiredService<ILoggerFactory>(),
        }));

        // Hosted services start in the order they are registered and stop in reverse: the sidecar
        // listens before the worker connects, and the worker has stopped before the sidecar stops.
        services.AddSingleton<DurableSidecar>();
        services.AddHostedService(provider => provider.GetRequiredService<DurableSidecar>());
        services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(KimOrchestrations.Register);
            worker.UseGrpc();
        });
        services.AddDurableTaskClient(client => client.UseGrpc());

        // The channel belongs to the sidecar, a service of this container; UseGrpc(channel) would need it now.
        services.AddOptions<GrpcDurableTaskWorkerOptions>(Options.DefaultName)
            .Configure<DurableSidecar>((options, sidecar) => options.Channel = sidecar.Channel);
        services.AddOptions<GrpcDurableTaskClientOptions>(Options.DefaultName)
            .Configure<DurableSidecar>((options, sidecar) => options.Channel = sidecar.Channel);
        return builder;
    }

    /// <summary>
    /// The backend's storage clients on the account, credential and client options Kim uses
    /// everywhere (<see cref="StorageAccount"/>). DurableTask.AzureStorage adds its own pipeline
    /// policies and sets the queue message encoding it needs on these options. A registered
    /// <see cref="StorageClientConfiguration"/> adjusts them as it does Kim's own clients (the benchmarks
    /// count the task hub's requests this way).
    /// </summary>
    private static StorageAccountClientProvider ClientProvider(StorageAccount account, StorageClientConfiguration? configuration)
    {
        T Options<T>(T options)
            where T : Azure.Core.ClientOptions => configuration is null ? options : configuration.ApplyToTaskHub(options);

        if (account.SharedKeyConnectionString() is { } connectionString)
        {
            return new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connectionString, Options(StorageAccount.NewBlobClientOptions())),
                StorageServiceClientProvider.ForQueue(connectionString, Options(StorageAccount.NewQueueClientOptions())),
                StorageServiceClientProvider.ForTable(connectionString, Options(StorageAccount.NewTableClientOptions())));
        }

        var credential = account.TokenCredential
            ?? throw new InvalidOperationException("A storage account without a key has a token credential.");
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(account.BlobEndpoint, credential, Options(StorageAccount.NewBlobClientOptions())),
            StorageServiceClientProvider.ForQueue(account.QueueEndpoint, credential, Options(StorageAccount.NewQueueClientOptions())),
            StorageServiceClientProvider.ForTable(account.TableEndpoint, credential, Options(StorageAccount.NewTableClientOptions())));
    }
}
