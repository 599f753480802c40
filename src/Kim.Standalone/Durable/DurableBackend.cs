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
    /// <summary>
    /// How long a queue message that a process has taken stays hidden from the others (the
    /// package's default is 5 minutes). A process killed while it held messages (a batch of a
    /// control queue, an activity) leaves them hidden this long: with a minute, a restarted Kim
    /// finishes them within a minute. Longer than any of Kim's orchestration steps or activities
    /// takes; one that takes longer is delivered again, which every activity tolerates
    /// (docs/orchestrations.md) as it does a delivery repeated after a crash.
    /// </summary>
    public static readonly TimeSpan MessageVisibilityTimeout = TimeSpan.FromMinutes(1);

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
            WorkerId = WorkerId(Interlocked.Increment(ref _backends)),

            // Kim is the only app on its task hub: the app lease (meant for swapping apps on one hub)
            // would only add requests, and a failed attempt to take it waits 5 minutes for the next.
            UseAppLease = false,
            ControlQueueVisibilityTimeout = MessageVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = MessageVisibilityTimeout,
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
    /// The owner this process writes into the task hub's partition table: the machine name, as
    /// Durable Functions and DurableTask.AzureStorage use it, so that Kim restarted on the same
    /// machine after a crash resumes the partitions it owned at once instead of waiting for their
    /// leases to expire (up to a minute). Further backends in one process (tests) add their number.
    /// </summary>
    /// <param name="backend">1 for the first backend of this process, one more for each further.</param>
    private static string WorkerId(int backend) =>
        backend == 1 ? Environment.MachineName : $"{Environment.MachineName}-{backend}";

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
