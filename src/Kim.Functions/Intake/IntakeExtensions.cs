using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kim.Functions.Intake;

/// <summary>Wiring of intake: limits, the reader and the sink.</summary>
public static class IntakeExtensions
{
    /// <summary>
    /// Registers the in-memory sink unless another <see cref="IIntakeSink"/> is registered first
    /// (the workflow start will be).
    /// </summary>
    public static IServiceCollection AddKimIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IntakeOptions>()
            .Bind(configuration.GetSection(IntakeOptions.Section))
            .Validate(o => o.MaxFileBytes > 0 && o.MaxFiles > 0, "Kim:Intake:MaxFileBytes and MaxFiles must be positive")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IntakeReader>();
        services.TryAddSingleton<IIntakeSink, InMemoryIntakeSink>();
        services.ConfigureAll<OpenApiOptions>(options => options.AddOperationTransformer<IntakeFormSchemaTransformer>());
        return services;
    }
}
