using Azure.Core;
using Azure.Core.Pipeline;

namespace Kim.Bench;

/// <summary>
/// Counts every storage request (each attempt, as the storage account bills it) of an app's clients,
/// Kim's own and the Durable task hub's apart. Added to the clients through
/// <see cref="Kim.Core.Storage.StorageClientConfiguration"/>.
/// </summary>
public sealed class StorageRequests
{
    public Counter Kim { get; } = new();

    public Counter TaskHub { get; } = new();

    public long Total => Kim.Count + TaskHub.Count;

    public Kim.Core.Storage.StorageClientConfiguration Configuration() => new(
        options => options.AddPolicy(Kim, HttpPipelinePosition.PerRetry),
        options => options.AddPolicy(TaskHub, HttpPipelinePosition.PerRetry));

    public Sample Take() => new(Kim.Count, TaskHub.Count, DateTimeOffset.UtcNow);

    /// <summary>The counts at one instant.</summary>
    public sealed record Sample(long Kim, long TaskHub, DateTimeOffset At)
    {
        public long Total => Kim + TaskHub;
    }

    /// <summary>One pipeline policy: a request counter.</summary>
    public sealed class Counter : HttpPipelineSynchronousPolicy
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
    }
}
