namespace Kim.Core.Records;

/// <summary>
/// Tells the orchestrations that keep a record's time that the record changed (ARCHITECTURE.md,
/// "Events are wake-up hints"). A commit calls <see cref="BeforeCommitAsync"/> (which must make the
/// wake survive a crash, e.g. in an outbox) and, once the commit landed, <see cref="AfterCommitAsync"/>.
/// A wake that is lost or repeated changes nothing: the orchestration re-reads the record.
/// </summary>
public interface IRecordWaker
{
    /// <summary>Remembers the wakes before the commit, so a crash between commit and wake loses none.</summary>
    /// <returns>A token to pass to <see cref="AfterCommitAsync"/>.</returns>
    Task<object?> BeforeCommitAsync(IReadOnlyList<RecordWake> wakes, CancellationToken cancellationToken);

    /// <summary>Wakes the owning orchestrations (starting them if none runs) and forgets the remembered wakes.</summary>
    Task AfterCommitAsync(IReadOnlyList<RecordWake> wakes, object? token, CancellationToken cancellationToken);
}
