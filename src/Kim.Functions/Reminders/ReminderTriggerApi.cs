using Kim.Core.Reminders;

namespace Kim.Functions.Reminders;

/// <summary>
/// <c>POST /reminders</c>: the Functions host's minute timer (functions/reminders). The body
/// (<c>{"Data":…,"Metadata":…}</c>) carries nothing Kim needs: Kim evaluates its Berlin-time
/// schedule itself (<see cref="ReminderTicker"/>). A tick is idempotent, so an extra call does no harm.
/// </summary>
public static class ReminderTriggerApi
{
    public static IEndpointRouteBuilder MapReminderTrigger(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/reminders", TickAsync)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> TickAsync(ReminderTicker ticker, CancellationToken cancellationToken)
    {
        await ticker.TickAsync(cancellationToken);
        return Results.Json(FunctionsInvocationResult.Empty);
    }
}
