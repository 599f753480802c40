using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kim.Api.Tests.Mail;

/// <summary>
/// A SendGrid stand-in over real HTTP on loopback: records every request (with the fake clock's
/// time) and answers from a script, 202 when the script is empty.
/// </summary>
internal sealed class FakeSendGridServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly TimeProvider _clock;

    private FakeSendGridServer(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Uri BaseUrl => new(_app.Urls.First());

    public static async Task<FakeSendGridServer> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeSendGridServer(app, clock);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    public void Enqueue(int status, string? body = null, params (string Name, string Value)[] headers) =>
        _script.Enqueue(new ScriptedResponse(status, body, headers));

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
            body,
            _clock.GetUtcNow()));

        var answer = _script.TryDequeue(out var scripted) ? scripted : new ScriptedResponse(202, null, []);
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }

        _arrived.Release();
    }

    private sealed record ScriptedResponse(int Status, string? Body, (string Name, string Value)[] Headers);
}
