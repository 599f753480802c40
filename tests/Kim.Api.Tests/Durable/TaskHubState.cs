using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Kim.Api.Tests.Durable;

/// <summary>
/// What a task hub's partition table and queues hold right now (DurableTask.AzureStorage's table
/// partition manager: <c>{hub}Partitions</c>, one row per control queue), so that a failed crash
/// test shows who owned which partition and where messages waited.
/// </summary>
/// <param name="storage">The storage account's connection string.</param>
/// <param name="taskHub">The task hub's name.</param>
internal sealed class TaskHubState(string storage, string taskHub)
{
    private readonly TableClient _partitions = new TableServiceClient(storage).GetTableClient(taskHub + "Partitions");
    private readonly QueueServiceClient _queues = new(storage);

    /// <summary>
    /// Whether a process that started at <paramref name="startedAt"/> (UTC) holds a partition lease:
    /// its owner is set and was claimed or renewed since then. A killed process renews nothing, so
    /// only the process started after it can have written that.
    /// </summary>
    public async Task<bool> LeaseTakenSinceAsync(DateTimeOffset startedAt)
    {
        await foreach (var lease in _partitions.QueryAsync<TableEntity>())
        {
            if (!string.IsNullOrEmpty(lease.GetString("CurrentOwner")) && lease.GetDateTimeOffset("LastRenewal") >= startedAt)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One line per partition lease and per queue of the task hub (approximate message counts).</summary>
    public async Task<string> DescribeAsync()
    {
        var lines = new List<string> { $"task hub {taskHub} at {DateTime.UtcNow:HH:mm:ss.f} UTC:" };
        try
        {
            await foreach (var lease in _partitions.QueryAsync<TableEntity>())
            {
                lines.Add($"  partition {lease.RowKey}: owner '{lease.GetString("CurrentOwner")}' next '{lease.GetString("NextOwner")}' " +
                    $"owned since {Time(lease, "OwnedSince")} renewed {Time(lease, "LastRenewal")} expires {Time(lease, "ExpiresAt")} " +
                    $"draining {lease.GetBoolean("IsDraining")}");
            }

            await foreach (var queue in _queues.GetQueuesAsync(prefix: taskHub.ToLowerInvariant()))
            {
                var properties = await _queues.GetQueueClient(queue.Name).GetPropertiesAsync();
                lines.Add($"  queue {queue.Name}: about {properties.Value.ApproximateMessagesCount} messages (hidden ones included)");
            }
        }
        catch (RequestFailedException exception)
        {
            lines.Add($"  not readable: {exception.Message}");
        }

        return string.Join('\n', lines);
    }

    private static string Time(TableEntity lease, string property) =>
        lease.GetDateTimeOffset(property)?.UtcDateTime.ToString("HH:mm:ss.f", CultureInfo.InvariantCulture) ?? "-";
}
