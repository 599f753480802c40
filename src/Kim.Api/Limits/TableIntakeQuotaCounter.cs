using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Kim.Core.Storage;

namespace Kim.Api.Limits;

/// <summary>
/// The intake counts on Table Storage: a row per partner and day (partition = partner id, row =
/// <c>yyyy-MM-dd</c>, Europe/Berlin) holding <c>Count</c>, raised with optimistic concurrency: insert
/// the first, then replace only if the ETag read is still current. A 409 or 412 means another
/// request or instance counted at the same moment; read again. Each round one writer wins, so the
/// loop ends, and the count never passes the limit.
/// </summary>
public sealed class TableIntakeQuotaCounter(TableClient table) : IIntakeQuotaCounter
{
    private const string CountProperty = "Count";

    public async Task<bool> TryIncrementAsync(string partnerId, DateOnly day, int limit, CancellationToken cancellationToken)
    {
        var rowKey = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        while (true)
        {
            var row = await table.GetEntityOrDefaultAsync(partnerId, rowKey, cancellationToken: cancellationToken);
            var count = row?.GetInt32(CountProperty) ?? 0;
            if (count >= limit)
            {
                return false;
            }

            try
            {
                if (row is null)
                {
                    await table.AddEntityAsync(new TableEntity(partnerId, rowKey) { [CountProperty] = 1 }, cancellationToken);
                }
                else
                {
                    row[CountProperty] = count + 1;
                    await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Counted elsewhere in between: read the new count.
            }
        }
    }
}
