using Kim.Api;
using Kim.Functions.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace Kim.Functions.Http;

/// <summary>
/// What every HTTP function does: hands the host's request to the Kim.Api route table
/// (<see cref="KimRouteTable"/>), whose route writes the whole response, with the invocation's
/// Durable client bound for the orchestration wake-ups a commit sends.
/// </summary>
/// <param name="routes">The route table, built once per worker.</param>
public sealed class RouteBridge(KimRouteTable routes)
{
    /// <summary>Runs the route that matches <paramref name="request"/>.</summary>
    /// <returns>An empty result: the response has been written by then (PLATFORM.md, the IResult bridge).</returns>
    public async Task<IActionResult> RunAsync(HttpRequest request, DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(request);
        await InvocationDurableClient.RunAsync(durable, () => routes.InvokeAsync(request.HttpContext));
        return new EmptyResult();
    }
}
