using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Kim.Testing;

/// <summary>
/// Counts the storage requests a client sends, so tests can assert how many transactions an
/// operation costs. Add it per call (<c>options.AddPolicy(counter, HttpPipelinePosition.PerCall)</c>)
/// to count operations, or per retry to count every attempt.
/// </summary>
public sealed class RequestCountingPolicy : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<(RequestMethod Method, Uri Uri)> _requests = new();

    public int Count => _requests.Count;

    public IReadOnlyList<(RequestMethod Method, Uri Uri)> Requests => [.. _requests];

    /// <summary>How many requests had this query parameter (e.g. <c>comp=block</c>).</summary>
    public int CountWithQuery(string parameter) =>
        _requests.Count(r => r.Uri.Query.TrimStart('?').Split('&').Contains(parameter, StringComparer.OrdinalIgnoreCase));

    public void Reset() => _requests.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _requests.Enqueue((message.Request.Method, message.Request.Uri.ToUri()));
    }
}
