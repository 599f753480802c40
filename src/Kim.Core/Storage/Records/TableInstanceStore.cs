using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Kim.Core.Records;

namespace Kim.Core.Storage.Records;

/// <summary>
/// The instance store on Azure Table Storage. Table <see cref="StorageNames.InstancesTable"/>, partition
/// = root instance id, so a case, its children, their history and dedup markers commit together:
/// <list type="bullet">
/// <item><c>i|{instanceId}</c>: the instance row (scalar columns for reading, the body in binary chunks <c>B0…</c>)</item>
/// <item><c>h|{instanceId}|{sequence:D12}</c>: a history row (event JSON in chunks <c>D0…</c>)</item>
/// <item><c>e|{instanceId}|{eventId}</c>: the dedup marker of an applied event</item>
/// </list>
/// Index rows live in <see cref="StorageNames.InstanceIndexTable"/>: partition = index key, row = instance id.
/// </summary>
public sealed class TableInstanceStore(TableClient instances, TableClient index) : IInstanceStore
{
    private const string BodyChunks = "BodyChunks";
    private const string DataChunks = "DataChunks";

    public static string InstanceRow(string instanceId) => "i|" + instanceId;

    public static string HistoryRow(string instanceId, long sequence) =>
        $"h|{instanceId}|{sequence.ToString("D12", CultureInfo.InvariantCulture)}";

    public static string MarkerRow(string instanceId, string eventId) => $"e|{instanceId}|{eventId}";

    /// <summary>The row of a text kept beside a record (<see cref="KeepText"/>).</summary>
    public static string TextRow(string instanceId, string textId) => $"t|{instanceId}|{textId}";

    public async Task<InstanceRecord?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var entity = await instances.GetEntityOrDefaultAsync(InstanceIds.RootOf(instanceId), InstanceRow(instanceId), cancellationToken: cancellationToken);
        return entity is null ? null : ToInstance(entity);
    }

    public async Task<long?> GetAppliedSequenceAsync(string instanceId, string eventId, CancellationToken cancellationToken) =>
        (await instances.GetEntityOrDefaultAsync(InstanceIds.RootOf(instanceId), MarkerRow(instanceId, eventId), ["Sequence"], cancellationToken))?.GetInt64("Sequence");

    public async Task<HistoryEntry?> GetHistoryEntryAsync(string instanceId, long sequence, CancellationToken cancellationToken)
    {
        var entity = await instances.GetEntityOrDefaultAsync(InstanceIds.RootOf(instanceId), HistoryRow(instanceId, sequence), cancellationToken: cancellationToken);
        return entity is null ? null : ToHistory(entity);
    }

    public async Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string instanceId, long afterSequence, int take, CancellationToken cancellationToken)
    {
        var partition = InstanceIds.RootOf(instanceId);
        var from = HistoryRow(instanceId, afterSequence);
        var to = $"h|{instanceId}}}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {from} and RowKey lt {to}");
        var entries = new List<HistoryEntry>();
        await foreach (var entity in instances.QueryAsync<TableEntity>(filter, Math.Min(take, 1000), cancellationToken: cancellationToken))
        {
            entries.Add(ToHistory(entity));
            if (entries.Count == take)
            {
                break;
            }
        }

        return entries;
    }

    public async Task<IReadOnlyDictionary<string, string>> GetTextsAsync(string instanceId, CancellationToken cancellationToken)
    {
        var prefix = TextRow(instanceId, string.Empty);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {InstanceIds.RootOf(instanceId)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var entity in instances.QueryAsync<TableEntity>(filter, select: ["RowKey", "Text"], cancellationToken: cancellationToken))
        {
            texts[entity.RowKey[prefix.Length..]] = entity.GetString("Text") ?? string.Empty;
        }

        return texts;
    }

    public async Task<IReadOnlyList<InstanceRecord>> ListPartitionAsync(string rootId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {rootId} and RowKey ge {"i|"} and RowKey lt {"i}"}");
        var found = new List<InstanceRecord>();
        await foreach (var entity in instances.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(ToInstance(entity));
        }

        return found;
    }

    public async Task CommitAsync(IReadOnlyList<InstanceWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var actions = new List<TableTransactionAction>();
        foreach (var write in writes)
        {
            var row = ToEntity(write.Instance, write.Body);
            actions.Add(write.Instance.ETag is null
                ? new TableTransactionAction(TableTransactionActionType.Add, row)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(write.Instance.ETag)));
            foreach (var history in write.History)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ToEntity(history)));
                var marker = new TableEntity(write.Instance.PartitionKey, MarkerRow(history.InstanceId, history.EventId))
                {
                    { "Sequence", history.Sequence },
                };
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, marker));
            }

            foreach (var text in write.Texts)
            {
                var kept = new TableEntity(write.Instance.PartitionKey, TextRow(text.InstanceId, text.TextId)) { { "Text", text.Text } };
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, kept));
            }
        }

        try
        {
            await instances.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 409 or 412)
        {
            // Stale ETag (412), instance or marker already there (409), instance purged meanwhile (404).
            throw new InstanceConflictException(exception.Message, exception);
        }
    }

    public async Task DeleteAsync(IReadOnlyList<string> instanceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceIds);
        foreach (var group in instanceIds.GroupBy(InstanceIds.RootOf))
        {
            var rows = new List<string>();
            foreach (var id in group)
            {
                rows.Add(InstanceRow(id));
                foreach (var prefix in new[] { $"h|{id}|", $"e|{id}|", $"t|{id}|" })
                {
                    var end = prefix[..^1] + "}";
                    var filter = TableClient.CreateQueryFilter($"PartitionKey eq {group.Key} and RowKey ge {prefix} and RowKey lt {end}");
                    await foreach (var entity in instances.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
                    {
                        rows.Add(entity.RowKey);
                    }
                }
            }

            // The instance rows go last: if purge stops half-way, a second purge still finds them.
            rows = [.. rows.Where(r => !r.StartsWith("i|", StringComparison.Ordinal)), .. rows.Where(r => r.StartsWith("i|", StringComparison.Ordinal))];
            await instances.DeleteRowsAsync(group.Key, rows, cancellationToken);
        }
    }

    public async Task UpsertIndexAsync(IndexEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await index.UpsertEntityAsync(new TableEntity(entry.Key, entry.InstanceId), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task DeleteIndexAsync(IndexEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await index.DeleteEntityAsync(entry.Key, entry.InstanceId, cancellationToken: cancellationToken);
    }

    public async Task<IReadOnlyList<string>> QueryIndexAsync(string key, string? afterInstanceId, int take, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key} and RowKey gt {afterInstanceId ?? ""}");
        var ids = new List<string>();
        await foreach (var entity in index.QueryAsync<TableEntity>(filter, Math.Min(take, 1000), ["RowKey"], cancellationToken))
        {
            ids.Add(entity.RowKey);
            if (ids.Count == take)
            {
                break;
            }
        }

        return ids;
    }

    private static TableEntity ToEntity(InstanceRecord record, byte[]? body)
    {
        var entity = new TableEntity(record.PartitionKey, InstanceRow(record.InstanceId))
        {
            { "InstanceId", record.InstanceId },
            { "Workflow", record.Workflow },
            { "Version", record.Version },
            { "Status", record.Status.ToString() },
            { "NeedsAttention", record.NeedsAttention },
            { "CreatedAt", record.CreatedAt },
            { "UpdatedAt", record.UpdatedAt },
            { "Sequence", record.Sequence },
        };
        entity["AttentionReason"] = record.AttentionReason;
        entity["CustomStatus"] = record.CustomStatus;
        entity["ParentId"] = record.ParentId;
        AddChunks(entity, "B", BodyChunks, body ?? InstanceBody.Encode(record));
        return entity;
    }

    private static InstanceRecord ToInstance(TableEntity entity)
    {
        var scalars = new InstanceRecord
        {
            InstanceId = entity.GetString("InstanceId")!,
            Workflow = entity.GetString("Workflow")!,
            Version = entity.GetInt32("Version")!.Value,
            Status = Enum.Parse<WorkflowStatus>(entity.GetString("Status")!),
            NeedsAttention = entity.GetBoolean("NeedsAttention") ?? false,
            AttentionReason = entity.GetString("AttentionReason"),
            CustomStatus = entity.GetString("CustomStatus"),
            ParentId = entity.GetString("ParentId"),
            CreatedAt = entity.GetDateTimeOffset("CreatedAt")!.Value,
            UpdatedAt = entity.GetDateTimeOffset("UpdatedAt")!.Value,
            Sequence = entity.GetInt64("Sequence")!.Value,
            ETag = entity.ETag.ToString(),
        };
        return InstanceBody.Decode(scalars, ReadChunks(entity, "B", BodyChunks));
    }

    private static TableEntity ToEntity(HistoryEntry entry)
    {
        var entity = new TableEntity(InstanceIds.RootOf(entry.InstanceId), HistoryRow(entry.InstanceId, entry.Sequence))
        {
            { "InstanceId", entry.InstanceId },
            { "Sequence", entry.Sequence },
            { "EventId", entry.EventId },
            { "Kind", entry.Kind },
            { "Actor", entry.Actor },
            { "At", entry.At },
        };
        var data = JsonSerializer.SerializeToUtf8Bytes(entry.Data, KimJson.Options);
        if (data.Length > InstanceBody.MaxBytes)
        {
            throw new InstanceTooLargeException($"An event of {entry.InstanceId} needs {data.Length} bytes; a history row holds at most {InstanceBody.MaxBytes}.");
        }

        AddChunks(entity, "D", DataChunks, data);
        return entity;
    }

    private static HistoryEntry ToHistory(TableEntity entity) =>
        new(
            entity.GetString("InstanceId")!,
            entity.GetInt64("Sequence")!.Value,
            entity.GetString("EventId")!,
            entity.GetString("Kind")!,
            entity.GetString("Actor")!,
            entity.GetDateTimeOffset("At")!.Value,
            JsonSerializer.Deserialize<JsonElement>(ReadChunks(entity, "D", DataChunks), KimJson.Options));

    private static void AddChunks(TableEntity entity, string prefix, string countProperty, byte[] bytes)
    {
        var chunks = InstanceBody.Split(bytes);
        entity[countProperty] = chunks.Count;
        for (var i = 0; i < chunks.Count; i++)
        {
            entity[prefix + i.ToString(CultureInfo.InvariantCulture)] = chunks[i];
        }
    }

    private static byte[] ReadChunks(TableEntity entity, string prefix, string countProperty)
    {
        var count = entity.GetInt32(countProperty) ?? 0;
        using var buffer = new MemoryStream();
        for (var i = 0; i < count; i++)
        {
            buffer.Write(entity.GetBinary(prefix + i.ToString(CultureInfo.InvariantCulture))
                ?? throw new InvalidOperationException($"Row {entity.PartitionKey}/{entity.RowKey} lacks chunk {prefix}{i}."));
        }

        return buffer.ToArray();
    }
}
