using Kim.Core.Runtime;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Api.Triggers;

/// <summary>
/// The queue trigger of the <c>work</c> function under the Azure Functions host: the host polls the
/// queue and posts each message here. The same <see cref="WorkItemHandler"/> as the standalone
/// poller processes it; the dequeue count comes from the invocation's metadata. A thrown handler
/// answers 500, so the host leaves the message on the queue and shows it again.
/// </summary>
public static class WorkTriggerApi
{
    internal static void MapWorkTrigger(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/work", HandleAsync).ExcludeFromDescription();

    private static async Task<IResult> HandleAsync(FunctionsInvocation invocation, [FromServices] WorkItemHandler handler, CancellationToken cancellationToken)
    {
        var text = invocation.DataText("message");
        if (text is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The invocation has no Data.message.");
        }

        await handler.HandleAsync(text, invocation.MetadataInt("DequeueCount") ?? 1, cancellationToken);
        return Results.Json(FunctionsInvocationResult.Empty);
    }
}
