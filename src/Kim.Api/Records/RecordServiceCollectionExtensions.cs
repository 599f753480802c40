using Azure.Data.Tables;
using Kim.Core.Orchestrations;
using Kim.Core.Records;
using Kim.Core.Storage;
using Kim.Core.Storage.Records;
using Microsoft.DurableTask.Client;

namespace Kim.Api.Records;

/// <summary>Registers the records (cases, referrals, handovers) on the storage clients of <c>AddKimStorage</c>.</summary>
public static class RecordServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RecordKeeper"/> and its <see cref="WorkflowClient"/>. Workflow definitions,
    /// action handlers and observers are the <see cref="IWorkflowDefinition"/>, <see cref="IActionHandler"/>
    /// and <see cref="IInstanceObserver"/> services in the container; the orchestrations are woken
    /// through the <see cref="IRecordWaker"/> service if a host registered one
    /// (<see cref="AddKimClockWaker"/>), else not at all.
    /// </summary>
    public static IServiceCollection AddKimRecords(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var workflows = WorkflowRegistry.Of(sp.GetServices<IWorkflowDefinition>());

            var actions = new ActionRegistry();
            foreach (var handler in sp.GetServices<IActionHandler>())
            {
                actions.Add(handler);
            }

            var tables = sp.GetRequiredService<TableServiceClient>();
            return new RecordKeeper(
                new TableInstanceStore(tables.GetTableClient(StorageNames.InstancesTable), tables.GetTableClient(StorageNames.InstanceIndexTable)),
                workflows,
                actions,
                sp.GetService<IRecordWaker>(),
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetServices<IInstanceObserver>(),
                sp.GetRequiredService<ILoggerFactory>());
        });
        services.AddSingleton(sp => sp.GetRequiredService<RecordKeeper>().Client);
        return services;
    }

    /// <summary>
    /// Registers <see cref="ClockWaker"/> as the <see cref="IRecordWaker"/>: commits wake the
    /// orchestrations through the host's <see cref="DurableTaskClient"/>, with the outbox table
    /// <see cref="StorageNames.ClockWakesTable"/>; and <see cref="CaseInstancePurge"/>, which removes a
    /// deleted case's instances through the same client (table <see cref="StorageNames.InstancePurgesTable"/>).
    /// </summary>
    public static IServiceCollection AddKimClockWaker(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ClockWaker(
            sp.GetRequiredService<DurableTaskClient>(),
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.ClockWakesTable),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<ClockWaker>>()));
        services.AddSingleton<IRecordWaker>(sp => sp.GetRequiredService<ClockWaker>());
        services.AddSingleton(sp => new CaseInstancePurge(
            sp.GetRequiredService<DurableTaskClient>(),
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.InstancePurgesTable),
            sp.GetRequiredService<WorkflowClient>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<CaseInstancePurge>>()));
        return services;
    }
}
