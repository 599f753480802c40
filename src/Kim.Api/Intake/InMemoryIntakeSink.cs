using System.Collections.Concurrent;
using Kim.Api.Access;
using Kim.Core.Cases;

namespace Kim.Api.Intake;

/// <summary>Keeps intakes in memory, until the workflow start replaces it; tests read <see cref="Intakes"/>.</summary>
public sealed class InMemoryIntakeSink(TimeProvider time) : IIntakeSink
{
    private readonly ConcurrentDictionary<(string PartnerId, string Key), string> _keys = new();
    private readonly ConcurrentDictionary<(string PartnerId, string PartnerReference), StoredIntake> _byReference = new();

    /// <summary>Everything taken on, in no particular order.</summary>
    public IReadOnlyCollection<StoredIntake> Intakes => [.. _byReference.Values];

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

        // TryAdd and GetOrAdd decide atomically which of two racing posts is first.
        var claimedKey = false;
        if (submission.IdempotencyKey is { } key)
        {
            claimedKey = _keys.TryAdd((submission.Partner.Id, key), submission.Fingerprint);
            if (!claimedKey && _keys.TryGetValue((submission.Partner.Id, key), out var seen) && seen != submission.Fingerprint)
            {
                return Task.FromResult(IntakeSinkResult.KeyReused());
            }
        }

        var stored = _byReference.GetOrAdd((submission.Partner.Id, submission.PartnerReference), candidate);
        if (stored.Fingerprint != submission.Fingerprint)
        {
            if (claimedKey)
            {
                _keys.TryRemove(new KeyValuePair<(string, string), string>((submission.Partner.Id, submission.IdempotencyKey!), submission.Fingerprint));
            }

            return Task.FromResult(IntakeSinkResult.ReferenceReused());
        }

        return Task.FromResult(ReferenceEquals(stored, candidate)
            ? IntakeSinkResult.Created(stored.Reference)
            : IntakeSinkResult.Repeated(stored.Reference));
    }

    /// <summary>An intake held here never moves on: it stays received.</summary>
    public Task<IntakeStatusReport?> FindAsync(Partner partner, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var found = _byReference.Values.FirstOrDefault(i => i.Reference == reference && i.PartnerId == partner.Id);
        return Task.FromResult(found is null ? null : new IntakeStatusReport(found.Reference, IntakeStatus.Received, found.ReceivedAt, found.ReceivedAt));
    }

    /// <summary>The key rows hold only fingerprints here: the intake's reference row is what names it.</summary>
    public Task ForgetCaseAsync(string partnerId, string partnerReference, string caseId, CancellationToken cancellationToken)
    {
        _byReference.TryRemove((partnerId, partnerReference), out _);
        return Task.CompletedTask;
    }
}
