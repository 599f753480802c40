using Kim.Core.Records;
using Kim.Core.Workflows;

namespace Kim.Api.Workflows;

/// <summary>Registers Kim's workflow definitions (case, referral, handover) with their configured timing.</summary>
public static class WorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddKimWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        var timing = new TimingConfiguration(configuration);
        services.AddSingleton(timing);
        foreach (var definition in KimWorkflows.Create(() => timing.Current, timing.Calendar))
        {
            services.AddSingleton(definition);
        }

        return services;
    }
}
