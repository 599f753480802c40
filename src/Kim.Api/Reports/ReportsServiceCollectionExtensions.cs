using Kim.Core.Records;
using Kim.Core.Reports;

namespace Kim.Api.Reports;

/// <summary>Registers the statistics rows' store and their projection of case commits (docs/reports.md).</summary>
public static class ReportsServiceCollectionExtensions
{
    public static IServiceCollection AddKimReports(this IServiceCollection services)
    {
        services.AddSingleton<CaseStatisticsStore>();
        services.AddSingleton<CaseStatisticsProjection>();
        services.AddSingleton<IInstanceObserver>(sp => sp.GetRequiredService<CaseStatisticsProjection>());
        return services;
    }
}
