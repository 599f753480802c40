namespace Kim.Core.Records;

/// <summary>A waker for hosts and tests that keep no time: wakes go nowhere.</summary>
public sealed class NoRecordWaker : IRecordWaker
{
    /// <summary>The one instance.</summary>
    public static NoRecordWaker Instance { get; } = new();

    /// <inheritdoc />
    public Task<object?> BeforeCommitAsync(IReadOnlyList<RecordWake> wakes, CancellationToken cancellationToken) => Task.FromResult<object?>(null);

    /// <inheritdoc />
    public Task AfterCommitAsync(IReadOnlyList<RecordWake> wakes, object? token, CancellationToken cancellationToken) => Task.CompletedTask;
}
