namespace Kim.Api.Tests.Durable;

/// <summary>One run of Kim.Standalone in a crash test: its process and its place in the sequence of runs.</summary>
/// <param name="Process">The process of this run.</param>
/// <param name="Generation">1 for the first run, one more for each restart.</param>
internal sealed record StandaloneRun(StandaloneProcess Process, int Generation) : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A client of this run, as a case manager (<c>X-Kim-User</c>) or a partner (<c>X-Api-Key</c>).</summary>
    public HttpClient Client(string? staffId, string? apiKey)
    {
        var client = new HttpClient { BaseAddress = Process.Address, Timeout = RequestTimeout };
        if (staffId is not null)
        {
            client.DefaultRequestHeaders.Add("X-Kim-User", staffId);
        }

        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    public void Dispose() => Process.Dispose();
}
