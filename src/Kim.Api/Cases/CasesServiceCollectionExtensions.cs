using Kim.Core.Records;

namespace Kim.Api.Cases;

/// <summary>Registers the staff case API: the gate, the case list projection, the deletion of a case and its <c>purge-case</c> action.</summary>
public static class CasesServiceCollectionExtensions
{
    public static IServiceCollection AddKimCases(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<CaseGate>();
        services.AddSingleton<CaseListProjection>();
        services.AddSingleton<IInstanceObserver>(sp => sp.GetRequiredService<CaseListProjection>());
        services.AddSingleton<CaseDeletion>();
        services.AddSingleton<PurgeCaseAction>();
        services.AddSingleton<IActionHandler>(sp => sp.GetRequiredService<PurgeCaseAction>());
        return services;
    }
}
