using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kim.Api.Tests.Mail;

/// <summary>
/// A SendGrid stand-in over real HTTP on loopback: records every request and answers from a
/// script, 202 when the script is empty.
/// </summary>
internal sealed class FakeSendGridServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private FakeSendGridServer(WebApplication app)
    {
        _app = app;
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseUrl => new(_app.Urls.First());

    public static async Task<FakeSendGridServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeSendGridServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    public void Enqueue(int status, string? body = null) => _script.Enqueue(new ScriptedResponse(status, body, Hang: false));

    /// <summary>The next request gets no answer until the client gives up on it.</summary>
    public void EnqueueNoAnswer() => _script.Enqueue(new ScriptedResponse(0, null, Hang: true));

    /// <summary>Waits until <paramref name="count"/> requests arrived in all.</summary>
    public async Task WaitForRequestsAsync(int count, CancellationToken cancellationToken)
    {
        while (Requests.Count < count)
        {
            await _arrived.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        Requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType,
            body));

        var answer = _script.TryDequeue(out var scripted) ? scripted : new ScriptedResponse(202, null, Hang: false);
        _arrived.Release();
        if (answer.Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }

        context.Response.StatusCode = answer.Status;

        if (answer.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }
    }

    private sealed record ScriptedResponse(int Status, string? Body, bool Hang);
}
