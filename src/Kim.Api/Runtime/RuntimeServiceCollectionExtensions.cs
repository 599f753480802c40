using Azure.Data.Tables;
using Azure.Storage.Queues;
using Kim.Core.Runtime;
using Kim.Core.Storage;
using Kim.Core.Storage.Runtime;

namespace Kim.Api.Runtime;

/// <summary>Registers the durable workflow runtime on the storage clients of <c>AddKimStorage</c>.</summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="WorkflowRuntime"/>, its <see cref="WorkflowClient"/> and <see cref="WorkItemHandler"/>.
    /// Workflow definitions, action handlers and observers are the <see cref="IWorkflowDefinition"/>,
    /// <see cref="IActionHandler"/> and <see cref="IInstanceObserver"/> services registered in the container.
    /// With <paramref name="runDispatcher"/> the standalone queue poller runs as a hosted service
    /// (leave it off under the Functions host, whose queue trigger calls the handler).
    /// </summary>
    public static IServiceCollection AddKimRuntime(
        this IServiceCollection services,
        bool runDispatcher,
        Action<WorkflowRuntimeOptions>? configure = null)
    {
        services.AddSingleton(sp =>
        {
            var options = new WorkflowRuntimeOptions();
            configure?.Invoke(options);
            var workflows = new WorkflowRegistry();
            foreach (var definition in sp.GetServices<IWorkflowDefinition>())
            {
                workflows.Add(definition);
            }

            var actions = new ActionRegistry();
            foreach (var handler in sp.GetServices<IActionHandler>())
            {
                actions.Add(handler);
            }

            var tables = sp.GetRequiredService<TableServiceClient>();
            var queues = sp.GetRequiredService<QueueServiceClient>();
            return new WorkflowRuntime(
                new TableInstanceStore(tables.GetTableClient(StorageNames.InstancesTable), tables.GetTableClient(StorageNames.InstanceIndexTable)),
                new QueueWorkQueue(queues.GetQueueClient(StorageNames.WorkQueue)),
                new QueueWorkQueue(queues.GetQueueClient(StorageNames.PoisonQueue)),
                workflows,
                actions,
                options,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetServices<IInstanceObserver>(),
                sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton(sp => sp.GetRequiredService<WorkflowRuntime>().Client);
        services.AddSingleton(sp => sp.GetRequiredService<WorkflowRuntime>().Handler);
        if (runDispatcher)
        {
            services.AddHostedService<WorkDispatcherService>();
        }

        return services;
    }
}
