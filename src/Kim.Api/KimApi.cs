using Kim.Api.Access;
using Kim.Api.Administration;
using Kim.Api.Cases;
using Kim.Api.Http;
using Kim.Api.Intake;
using Kim.Api.Limits;
using Kim.Api.Mail;
using Kim.Api.Partners;
using Kim.Api.Records;
using Kim.Api.Reminders;
using Kim.Api.Reports;
using Kim.Api.Storage;
using Kim.Api.Workflows;

namespace Kim.Api;

/// <summary>
/// The one route table of Kim and the services behind it, for every host (ARCHITECTURE.md,
/// "Two hosts, one app"): a host calls <see cref="AddKimApi"/> on its services and
/// <see cref="MapKimApi"/> on its app, and adds only its own drivers (workers, schedules).
/// </summary>
public static class KimApi
{
    /// <summary>
    /// Registers the API's services: HTTP conventions, storage, cases, workflows, access, limits,
    /// intake, mail, the reminder digest and the coordinators' reports. Settings that Kim cannot use surface when the options
    /// are validated (<see cref="SettingErrors.ValidateOptions"/>) or as
    /// <see cref="Kim.Core.InvalidSettingException"/> here.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration (environment variables use <c>__</c> for <c>:</c>).</param>
    /// <param name="environment">Development enables the demo seed, the development sign-in and mailbox.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddKimApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOpenApi();
        services.AddKimHttp(configuration);
        services.AddKimStorage(configuration, environment);
        services.AddKimCaseStorage();
        services.AddKimCases();
        services.AddKimWorkflows(configuration);
        services.AddKimRecords();
        services.AddKimAccessStorage();
        services.AddKimAccess(configuration);
        services.AddKimLimits(configuration);
        services.AddKimIntakeWorkflow();
        services.AddKimIntake(configuration);
        services.AddKimMail(configuration, environment);
        services.AddKimReminders();
        services.AddKimReports();
        return services;
    }

    /// <summary>
    /// Adds Kim's middleware (problem details, request log, authentication, rate limits) and maps
    /// the route table (<see cref="MapKimRoutes"/>): the standalone host's whole HTTP side.
    /// </summary>
    /// <param name="app">The host's app, after <see cref="AddKimApi"/> was called on its services.</param>
    /// <returns><paramref name="app"/>.</returns>
    public static WebApplication MapKimApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseKimHttp();
        app.UseKimAccess();
        app.MapKimRoutes();
        return app;
    }

    /// <summary>
    /// The one route table: every route of API.md with its method, path, authorization, limits and
    /// handler, the API reference and the health route. <see cref="MapKimApi"/> maps it on Kestrel,
    /// <see cref="KimRouteTable"/> behind the Functions host's HTTP triggers.
    /// </summary>
    /// <param name="routes">Where to map the routes.</param>
    /// <returns><paramref name="routes"/>.</returns>
    public static IEndpointRouteBuilder MapKimRoutes(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapApiDocs();
        routes.MapHealthApi();
        routes.MapKimIntake();
        routes.MapKimCases();
        routes.MapKimPartnerReferrals();
        routes.MapKimAdministration();
        routes.MapKimAudit();
        routes.MapKimOrchestrations();
        routes.MapKimCaseExport();
        routes.MapKimCaseRetention();
        routes.MapKimReports();
        routes.MapMailApi();
        return routes;
    }
}
