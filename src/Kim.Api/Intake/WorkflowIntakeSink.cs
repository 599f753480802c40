using Azure;
using Azure.Data.Tables;
using Kim.Api.Access;
using Kim.Api.Cases;
using Kim.Core;
using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Storage;
using Kim.Core.Workflows;

namespace Kim.Api.Intake;

/// <summary>
/// Takes an intake on as a case. The steps, each safe to repeat, so that a retry after a crash
/// half-way finishes the job instead of making a second case:
/// <list type="number">
/// <item>with an <c>Idempotency-Key</c>, insert its row (partition = partner, row = <c>key|{key}</c>)
/// holding the fingerprint: a 409 means "seen before", and another fingerprint is a reused key;</item>
/// <item>insert the partner reference's row (row = <c>ref|{partnerReference}</c>) holding the case id
/// chosen now and the fingerprint: this row decides the case, whatever the key, so that a new key (or
/// none) cannot make a second case of the same intake; a 409 with another fingerprint is a reused
/// reference, and a key row inserted by this request is removed again;</item>
/// <item>copy the files to the case's documents, skipping a file already listed with the same
/// name and hash;</item>
/// <item>start the case workflow under that id (start is idempotent by id), then mark the row done.</item>
/// </list>
/// The reference the partner gets is the case id: the status route reads the case itself.
/// </summary>
public sealed class WorkflowIntakeSink(
    TableClient intakes,
    IDocumentStore documents,
    WorkflowClient workflows,
    TimeProvider time,
    ILogger<WorkflowIntakeSink> logger) : IIntakeSink
{
    /// <summary>Where a document copied from an intake comes from (<see cref="CaseDocument.Source"/>).</summary>
    public const string DocumentSource = "intake";

    private const string CaseIdColumn = "CaseId";
    private const string FingerprintColumn = "Fingerprint";
    private const string ReceivedAtColumn = "ReceivedAt";
    private const string CompletedColumn = "Completed";
    private const string PartnerReferenceColumn = "PartnerReference";

    public async Task<IntakeSinkResult> SubmitAsync(IntakeSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var partner = submission.Partner;
        string? claimedKey = null;
        if (submission.IdempotencyKey is { } key)
        {
            var keyRow = new TableEntity(partner.Id, RowKey("key|", key))
            {
                [FingerprintColumn] = submission.Fingerprint,
                [PartnerReferenceColumn] = submission.PartnerReference,
            };
            try
            {
                await intakes.AddEntityAsync(keyRow, cancellationToken);
                claimedKey = keyRow.RowKey;
            }
            catch (RequestFailedException e) when (e.Status == StatusCodes.Status409Conflict)
            {
                var seen = await intakes.GetEntityAsync<TableEntity>(keyRow.PartitionKey, keyRow.RowKey, cancellationToken: cancellationToken);
                if (seen.Value.GetString(FingerprintColumn) != submission.Fingerprint)
                {
                    return IntakeSinkResult.KeyReused();
                }
            }
        }

        var row = new TableEntity(partner.Id, RowKey("ref|", submission.PartnerReference))
        {
            [CaseIdColumn] = CaseIds.New(),
            [FingerprintColumn] = submission.Fingerprint,
            [ReceivedAtColumn] = time.GetUtcNow(),
            [CompletedColumn] = false,
        };

        var created = true;
        try
        {
            await intakes.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status409Conflict)
        {
            created = false;
            row = await intakes.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            if (row.GetString(FingerprintColumn) != submission.Fingerprint)
            {
                if (claimedKey is not null)
                {
                    // The key was free; left claimed, it would refuse this partner's next intake under it.
                    await intakes.DeleteEntityAsync(partner.Id, claimedKey, cancellationToken: cancellationToken);
                }

                return IntakeSinkResult.ReferenceReused();
            }
        }

        var caseId = row.GetString(CaseIdColumn) ?? throw new InvalidOperationException($"Intake row {row.RowKey} of {partner.Id} has no case id.");
        if (row.GetBoolean(CompletedColumn) == true)
        {
            return IntakeSinkResult.Repeated(caseId);
        }

        if (!created)
        {
            IntakeLogs.Completing(logger, caseId, partner.Id);
        }

        await CopyDocumentsAsync(caseId, submission, cancellationToken);
        var input = IntakeCaseInput.From(submission.Intake, partner);
        var started = await workflows.StartAsync(caseId, CaseWorkflow.WorkflowName, KimJson.ToElement(input), Actors.Partner(partner.Id), cancellationToken);
        if (started.Outcome is not (WorkflowOutcome.Applied or WorkflowOutcome.Duplicate))
        {
            // The intake validator is stricter than the case's start; this is a bug, not the partner's error.
            throw new InvalidOperationException(
                $"The case workflow refused the intake {caseId}: {started.Rejection?.Code} {started.Rejection?.Message}");
        }

        await intakes.UpsertEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { [CompletedColumn] = true }, TableUpdateMode.Merge, cancellationToken);
        return created ? IntakeSinkResult.Created(caseId) : IntakeSinkResult.Repeated(caseId);
    }

    public async Task<IntakeStatusReport?> FindAsync(Partner partner, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        if (!InstanceIds.IsValid(reference) || !InstanceIds.IsRoot(reference))
        {
            return null;
        }

        var instance = await workflows.GetAsync(reference, cancellationToken);
        if (instance is null || instance.Workflow != CaseWorkflow.WorkflowName
            || instance.StateAs<CaseWorkflowState>() is not { } state
            || !string.Equals(state.Source.PartnerId, partner.Id, StringComparison.Ordinal))
        {
            return null;
        }

        return new IntakeStatusReport(reference, state.IntakeStatus, state.OpenedAt, instance.UpdatedAt);
    }

    /// <summary>A key or reference may hold '/', '#', '?' or '\', which a table key may not: escape them (reversibly).</summary>
    public async Task ForgetCaseAsync(string partnerId, string partnerReference, string caseId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partnerId} and (CaseId eq {caseId} or PartnerReference eq {partnerReference} or RowKey eq {RowKey("ref|", partnerReference)})");
        await foreach (var row in intakes.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", CaseIdColumn], cancellationToken: cancellationToken))
        {
            // A reference row of another case (the reference was sent again after an earlier deletion) stays.
            var rowCase = row.GetString(CaseIdColumn);
            if (rowCase is null || rowCase == caseId)
            {
                await intakes.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            }
        }
    }

    private static string RowKey(string prefix, string value) => prefix + Uri.EscapeDataString(value);


    private async Task CopyDocumentsAsync(string caseId, IntakeSubmission submission, CancellationToken cancellationToken)
    {
        if (submission.Documents.Count == 0)
        {
            return;
        }

        // A retry finds the files the first attempt stored: same name, same bytes.
        var listed = (await documents.ListAsync(caseId, cancellationToken))
            .Where(d => d.Source == DocumentSource)
            .Select(d => (d.FileName, d.Sha256))
            .ToHashSet();
        foreach (var file in submission.Documents)
        {
            if (!listed.Add((file.FileName, file.Sha256)))
            {
                continue;
            }

            await using var content = file.OpenRead();
            await documents.AddAsync(
                caseId,
                new NewDocument(file.FileName, file.MediaType, content, Actors.Partner(submission.Partner.Id), DocumentSource),
                cancellationToken);
        }
    }
}
