using System.Collections.Concurrent;
using Kim.Core.Cases;
using Kim.Functions.Access;

namespace Kim.Functions.Intake;

/// <summary>Keeps intakes in memory, until the workflow start replaces it; tests read <see cref="Intakes"/>.</summary>
public sealed class InMemoryIntakeSink(TimeProvider time) : IIntakeSink
{
    private readonly ConcurrentDictionary<(string PartnerId, string Key), StoredIntake> _byKey = new();

    /// <summary>Everything taken on, in no particular order.</summary>
    public IReadOnlyCollection<StoredIntake> Intakes => [.. _byKey.Values];

    public Task<IntakeSinkResult> SubmitAsync(IntakeSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var candidate = new StoredIntake(
            "in-" + Guid.CreateVersion7().ToString("N"),
            submission.Partner.Id,
            submission.Fingerprint,
            submission.Intake,
            [.. submission.Documents.Select(d => new IntakeDocumentPrint(d.FileName, d.Type, d.Sha256))],
            time.GetUtcNow());

        // GetOrAdd decides atomically which of two racing posts is first.
        var stored = _byKey.GetOrAdd((submission.Partner.Id, submission.IdempotencyKey), candidate);
        var result = ReferenceEquals(stored, candidate) ? IntakeSinkResult.Created(stored.Reference)
            : stored.Fingerprint == submission.Fingerprint ? IntakeSinkResult.Repeated(stored.Reference)
            : IntakeSinkResult.KeyReused();
        return Task.FromResult(result);
    }

    /// <summary>An intake held here never moves on: it stays received.</summary>
    public Task<IntakeStatusReport?> FindAsync(Partner partner, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var found = _byKey.Values.FirstOrDefault(i => i.Reference == reference && i.PartnerId == partner.Id);
        return Task.FromResult(found is null ? null : new IntakeStatusReport(found.Reference, IntakeStatus.Received, found.ReceivedAt, found.ReceivedAt));
    }
}
