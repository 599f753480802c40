using Azure.Data.Tables;
using Kim.Api.Limits;
using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Storage;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kim.Api.Intake;

/// <summary>Wiring of intake: limits, the reader and the sink.</summary>
public static class IntakeExtensions
{
    /// <summary>
    /// Intakes become cases: registers <see cref="WorkflowIntakeSink"/> and the intake quota's counts on the storage, documents and
    /// runtime of <c>AddKimStorage</c>, <c>AddKimCaseStorage</c> and <c>AddKimRuntime</c>. Call before <see cref="AddKimIntake"/>.
    /// </summary>
    public static IServiceCollection AddKimIntakeWorkflow(this IServiceCollection services)
    {
        services.AddSingleton<IIntakeSink>(sp => new WorkflowIntakeSink(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.IntakesTable),
            sp.GetRequiredService<IDocumentStore>(),
            sp.GetRequiredService<WorkflowClient>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<WorkflowIntakeSink>>()));
        services.AddSingleton<IIntakeQuotaCounter>(sp => new TableIntakeQuotaCounter(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.IntakeQuotaTable)));
        return services;
    }

    /// <summary>
    /// Registers the in-memory sink unless another <see cref="IIntakeSink"/> is registered first
    /// (the workflow start will be).
    /// </summary>
    public static IServiceCollection AddKimIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>()
            .Bind(configuration.GetSection(IntakeOptions.Section))
            .Validate(o => o.MaxFileBytes > 0 && o.MaxFiles > 0, "Kim__Intake__MaxFileBytes and Kim__Intake__MaxFiles must be positive whole numbers")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IntakeReader>();
        services.TryAddSingleton<IIntakeSink, InMemoryIntakeSink>();
        services.ConfigureAll<OpenApiOptions>(options => options.AddOperationTransformer<IntakeFormSchemaTransformer>());
        return services;
    }
}
