using System.Collections.Concurrent;
using Kim.Api.Limits;

namespace Kim.Api.Tests;

/// <summary>The intake counts in memory, for the API edge host, which runs without storage.</summary>
internal sealed class InMemoryIntakeQuotaCounter : IIntakeQuotaCounter
{
    private readonly ConcurrentDictionary<(string, DateOnly), int> _counts = new();

    public Task<bool> TryIncrementAsync(string partnerId, DateOnly day, int limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var count = _counts.GetValueOrDefault((partnerId, day));
            if (count >= limit)
            {
                return Task.FromResult(false);
            }

            if (count == 0 ? _counts.TryAdd((partnerId, day), 1) : _counts.TryUpdate((partnerId, day), count + 1, count))
            {
                return Task.FromResult(true);
            }
        }
    }
}
