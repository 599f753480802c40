using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace Kim.Standalone.Durable;

/// <summary>
/// The Durable Task sidecar of Kim.Standalone: the task hub's <see cref="AzureStorageOrchestrationService"/>
/// behind the gRPC <see cref="TaskHubGrpcServer"/> of Microsoft.DurableTask.InProcessTestHost, served by
/// a Kestrel of its own over h2c on 127.0.0.1 at a port the system picks free at start, so that a local
/// run and the tests never collide. The worker and the client reach it through <see cref="Channel"/>,
/// which can be handed out before the port is known: it connects to the port when it opens a connection.
/// This is how the package's own <c>DurableTaskTestHost</c> wires its in-memory backend (PLATFORM.md).
/// Registered as a hosted service before the worker: it starts first and stops after it.
/// </summary>
public sealed partial class DurableSidecar : IHostedService, IAsyncDisposable
{
    private readonly AzureStorageOrchestrationService _service;
    private readonly SidecarTaskHub _taskHub;
    private readonly ILoggerFactory _loggerFactory;
    private WebApplication? _server;
    private volatile int _port;

    public DurableSidecar(AzureStorageOrchestrationService service, ILoggerFactory loggerFactory)
    {
        _service = service;
        _taskHub = new SidecarTaskHub(service);
        _loggerFactory = loggerFactory;
        Channel = GrpcChannel.ForAddress(
            "http://127.0.0.1",
            new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler { ConnectCallback = ConnectAsync },
                LoggerFactory = loggerFactory,
            });
    }

    /// <summary>The gRPC channel to the sidecar; usable once the sidecar has started.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>
    /// Creates the task hub's queues, tables and containers if missing (the sidecar does not; the
    /// backend itself would only once a worker connects, and a client may call before), then starts
    /// listening. The package's dispatchers start the backend when the worker connects.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddLogging();
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, SidecarLifetime>();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(_taskHub);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(_service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var server = builder.Build();
        server.MapGrpcService<TaskHubGrpcServer>();
        await server.StartAsync(cancellationToken);
        _server = server;
        _port = new Uri(server.Urls.Single()).Port;
    }

    /// <summary>
    /// Stops the sidecar, then the backend (<see cref="SidecarTaskHub"/>), which hands the partition
    /// leases back so that the next Kim on this task hub takes them over at once. The worker has
    /// stopped already. When the storage is unreachable the backend cannot hand them back; once the
    /// host's shutdown timeout (<paramref name="cancellationToken"/>) has passed, Kim stops anyway
    /// and the leases expire on their own (within a minute).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_server is { } server)
            {
                await server.StopAsync(cancellationToken);
            }

            await _taskHub.StopAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogStopTimedOut(_loggerFactory.CreateLogger<DurableSidecar>());
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (_server is { } server)
        {
            await server.DisposeAsync();
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var port = _port;
        if (port == 0)
        {
            throw new InvalidOperationException("The Durable Task sidecar has not started yet.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    [LoggerMessage(EventId = 1150, Level = LogLevel.Warning, Message = "The Durable task hub did not stop within the host's shutdown timeout (storage unreachable?); its partition leases expire on their own")]
    private static partial void LogStopTimedOut(ILogger logger);
}
