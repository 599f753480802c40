using Kim.Core.Mail;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kim.Api.Mail;

/// <summary><c>GET /api/dev/mailbox</c>: the mails of the development mailbox, newest first; mapped in Development only.</summary>
public static class DevMailboxApi
{
    public const int DefaultTop = 50;
    public const int MaxTop = 500;

    /// <summary>Maps the route in Development; elsewhere it does not exist (404).</summary>
    public static IEndpointRouteBuilder MapDevMailboxApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            return endpoints;
        }

        endpoints.MapGet("/api/dev/mailbox", ListAsync)
            .WithName("GetDevMailbox")
            .WithSummary($"Development only: the mails Kim would have sent, newest first (top: 1-{MaxTop}, default {DefaultTop}).")
            .AllowAnonymous();
        return endpoints;
    }

    private static async Task<Results<Ok<DevMailboxResponse>, ValidationProblem>> ListAsync(
        IDevelopmentMailbox mailbox, int? top, CancellationToken cancellationToken)
    {
        var count = top ?? DefaultTop;
        if (count is < 1 or > MaxTop)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["top"] = [$"top is a number from 1 to {MaxTop}."],
            });
        }

        var items = await mailbox.ListAsync(count, cancellationToken);
        return TypedResults.Ok(new DevMailboxResponse(items, null));
    }
}
