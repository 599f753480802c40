using System.Net;
using Kim.Api.Http;

namespace Kim.Api.Triggers;

/// <summary>
/// The endpoints the Azure Functions host posts trigger invocations to (<c>/work</c> for the queue,
/// <c>/reminders</c> for the timer). They act with the system's authority, so they exist only under
/// the host (or where <c>Kim__Hosting__TriggerEndpoints=true</c> says so) and answer only callers on
/// this machine: the host runs beside the app and is the only one that reaches them. Standalone,
/// Kim's own hosted services do this work and the endpoints are not mapped at all.
/// </summary>
public static class TriggerEndpoints
{
    public const string SettingKey = "Kim:Hosting:TriggerEndpoints";

    public static bool Enabled(IConfiguration configuration) =>
        KimHosting.Switch(configuration, SettingKey, underFunctionsHost: true);

    public static IEndpointRouteBuilder MapFunctionsTriggers(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (!Enabled(configuration))
        {
            return endpoints;
        }

        // The host calls once per queue message or timer tick: its pace is the work's, not a caller's.
        var triggers = endpoints.MapGroup("").DisableRateLimiting().AddEndpointFilter(async (context, next) =>
            IsLocal(context.HttpContext.Connection)
                ? await next(context)
                : KimProblems.Create(ProblemTypes.Forbidden, StatusCodes.Status403Forbidden, "Trigger endpoints answer the Functions host on this machine only.").ToResult());
        triggers.MapReminderTrigger();
        return endpoints;
    }

    private static bool IsLocal(ConnectionInfo connection) =>
        connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);
}
