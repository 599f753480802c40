using Kim.Core.Reminders;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Api.Triggers;

/// <summary>
/// <c>POST /reminders</c>: the Functions host's minute timer (functions/reminders). The body
/// (<c>{"Data":…,"Metadata":…}</c>) carries nothing Kim needs: Kim evaluates its Berlin-time
/// schedule itself (<see cref="ReminderTicker"/>). A tick is idempotent.
/// </summary>
public static class ReminderTriggerApi
{
    internal static void MapReminderTrigger(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/reminders", TickAsync).ExcludeFromDescription();

    private static async Task<IResult> TickAsync([FromServices] ReminderTicker ticker, CancellationToken cancellationToken)
    {
        await ticker.TickAsync(cancellationToken);
        return Results.Json(FunctionsInvocationResult.Empty);
    }
}
