using System.Net;
using Azure;
using Azure.Core.Pipeline;
using Kim.Core.Storage;

namespace Kim.Core.Tests.Storage;

/// <summary>The pipeline's retry and signing behaviour, on a fake HTTP handler (no I/O).</summary>
public sealed class StoragePipelineTests
{
    private sealed class ScriptedHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        public List<(string? Authorization, string? Date, string? RequestId)> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add((
                request.Headers.Authorization?.ToString(),
                request.Headers.TryGetValues("x-ms-date", out var d) ? d.Single() : null,
                request.Headers.TryGetValues("x-ms-client-request-id", out var id) ? id.Single() : null));
            var status = statuses[Math.Min(Seen.Count - 1, statuses.Length - 1)];
            var response = new HttpResponseMessage(status)
            {
                Content = new StringContent(
                    status == HttpStatusCode.OK ? "" : "<?xml version=\"1.0\"?><Error><Code>ServerBusy</Code><Message>busy</Message></Error>"),
            };
            return Task.FromResult(response);
        }
    }

    private static (QueueServiceClient Client, ScriptedHandler Handler) Client(params HttpStatusCode[] statuses)
    {
        var handler = new ScriptedHandler(statuses);
        var options = new StorageClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxRetries = 3;
        return (new QueueServiceClient(StorageAccount.DevelopmentStorage, options), handler);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Transient_statuses_are_retried_and_every_attempt_is_signed_with_the_request_id(HttpStatusCode status)
    {
        var (client, handler) = Client(status, HttpStatusCode.OK);

        await client.PingAsync();

        Assert.Equal(2, handler.Seen.Count);
        Assert.All(handler.Seen, s => Assert.StartsWith("SharedKey devstoreaccount1:", s.Authorization, StringComparison.Ordinal));
        Assert.All(handler.Seen, s => Assert.NotNull(s.Date));
        Assert.All(handler.Seen, s => Assert.NotNull(s.RequestId));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.Conflict)]
    [InlineData(HttpStatusCode.NotImplemented)]
    [InlineData(HttpStatusCode.HttpVersionNotSupported)]
    public async Task Other_errors_are_not_retried_and_throw_with_status_and_code(HttpStatusCode status)
    {
        var (client, handler) = Client(status, HttpStatusCode.OK);

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => client.PingAsync());

        Assert.Single(handler.Seen);
        Assert.Equal((int)status, e.Status);
        Assert.Equal("ServerBusy", e.ErrorCode);
    }
}
