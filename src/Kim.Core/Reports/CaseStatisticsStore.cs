using Azure;
using Azure.Data.Tables;
using Kim.Core.Storage;

namespace Kim.Core.Reports;

/// <summary>
/// The statistics rows (table <see cref="StorageNames.CaseStatisticsTable"/>): partition = district
/// (<c>-</c> for a case without one; a coordinator reads the partition of their district), row key =
/// a random id (a version 4 GUID: no time, no case id in it), properties <c>Municipality</c> and
/// <c>Row</c> (the <see cref="CaseStatisticsRow"/> as JSON).
/// <para>
/// Which row belongs to which case is kept apart, in <see cref="StorageNames.CaseStatisticsKeysTable"/>
/// (partition = case id), not inside the case's record: the case record belongs to the workflow
/// runtime, which is being replaced, while this mapping must outlive no case and be found by the
/// deletion path by the case id alone. <see cref="ForgetAsync"/> (called when the case is purged)
/// deletes it; from then on nothing leads from the case to its row, and the row, kept for the
/// reports, leads to no case. Someone reading only the statistics table sees categories and
/// random keys.
/// </para>
/// Writes are idempotent (the whole row is replaced) and ordered by the case's sequence, kept in the
/// mapping, so a late or repeated observer call changes nothing. A crash between the mapping and
/// the row leaves the row behind until the case's next change or a rebuild.
/// </summary>
public sealed class CaseStatisticsStore(TableServiceClient tables)
{
    private const string MappingRow = "statistics";
    private const int MaxAttempts = 3;

    private TableClient Rows => tables.GetTableClient(StorageNames.CaseStatisticsTable);

    private TableClient Mappings => tables.GetTableClient(StorageNames.CaseStatisticsKeysTable);

    /// <summary>The partition of a district's rows.</summary>
    public static string Partition(string? district) => string.IsNullOrEmpty(district) ? "-" : district;

    /// <summary>
    /// Writes the case's row as of <paramref name="sequence"/>, unless a newer one was written. The
    /// mapping's sequence is advanced first, conditionally on its ETag, and only the writer that
    /// advanced it writes the row: of two observers of one case, the older one stops.
    /// </summary>
    /// <param name="caseId">The case (only the mapping names it).</param>
    /// <param name="district">The case's district: the row's partition.</param>
    /// <param name="sequence">The case instance's sequence the row was computed from.</param>
    /// <param name="mayCreate">False once the case is being deleted: an existing row is updated, no new one is started.</param>
    /// <param name="rewrite">Write the row also when this sequence was written already (a rebuild after a crash between mapping and row).</param>
    /// <param name="row">The row.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public async Task WriteAsync(
        string caseId, string? district, long sequence, bool mayCreate, bool rewrite, CaseStatisticsRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var mapping = await Mappings.GetEntityOrDefaultAsync(caseId, MappingRow, cancellationToken: cancellationToken);
            try
            {
                if (mapping is null)
                {
                    if (!mayCreate)
                    {
                        return;
                    }

                    mapping = new TableEntity(caseId, MappingRow)
                    {
                        ["StatisticsId"] = Guid.NewGuid().ToString("N"),
                        ["Partition"] = Partition(district),
                        ["Sequence"] = sequence,
                    };
                    await Mappings.AddEntityAsync(mapping, cancellationToken);
                }
                else if (mapping.GetInt64("Sequence") is { } written && (written > sequence || written == sequence && !rewrite))
                {
                    return;
                }
                else
                {
                    mapping["Sequence"] = sequence;
                    await Mappings.UpdateEntityAsync(mapping, mapping.ETag, TableUpdateMode.Replace, cancellationToken);
                }
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
            {
                // Another writer (or the deletion) came between: read again and compare.
                continue;
            }

            var entity = new TableEntity(mapping.GetString("Partition"), mapping.GetString("StatisticsId"))
            {
                ["Municipality"] = row.Municipality,
                ["Row"] = KimJson.ToElement(row).GetRawText(),
            };
            await Rows.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
            return;
        }
    }

    /// <summary>Deletes the mapping of the case to its row (the row stays). Idempotent.</summary>
    public async Task ForgetAsync(string caseId, CancellationToken cancellationToken)
    {
        try
        {
            await Mappings.DeleteEntityAsync(caseId, MappingRow, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already forgotten.
        }
    }

    /// <summary>The rows of the district.</summary>
    public async Task<IReadOnlyList<CaseStatisticsRow>> ReadAsync(string district, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(district)}");
        var rows = new List<CaseStatisticsRow>();
        await foreach (var entity in Rows.QueryAsync<TableEntity>(filter, select: ["Row"], cancellationToken: cancellationToken))
        {
            rows.Add(KimJson.FromElement<CaseStatisticsRow>(System.Text.Json.JsonDocument.Parse(entity.GetString("Row")).RootElement));
        }

        return rows;
    }
}
