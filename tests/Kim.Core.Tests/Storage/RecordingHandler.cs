using System.Net;

namespace Kim.Core.Tests.Storage;

/// <summary>Stands in for the network: records each request's host and Authorization header and answers 403.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly List<(string Host, string? Authorization)> _requests = [];

    public IReadOnlyList<(string Host, string? Authorization)> Requests => _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Add((request.RequestUri!.Host, request.Headers.Authorization?.ToString()));
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Forbidden) { RequestMessage = request });
    }
}
