namespace Kim.Core.Storage;

/// <summary>
/// Rules for partition and row keys, checked before sending because some characters would
/// silently change the URL the key is put in.
/// https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model#characters-disallowed-in-key-fields
/// </summary>
internal static class TableKeys
{
    private const int MaxKeyLength = 1024;

    public static void Validate(string? key, string paramName)
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"A table key is at most {MaxKeyLength} characters.", paramName);
        }

        foreach (var c in key)
        {
            if (IsForbidden(c))
            {
                throw new ArgumentException(
                    "A table key must not contain '/', '\\', '#', '?' or control characters.", paramName);
            }
        }
    }

    /// <summary>A character a partition or row key must not contain.</summary>
    public static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' || char.IsControl(c);

    /// <summary>The path of one entity: <c>{table}(PartitionKey='…',RowKey='…')</c>, quotes doubled, then URL-escaped.</summary>
    public static string EntityPath(string table, string partitionKey, string rowKey)
    {
        Validate(partitionKey, nameof(partitionKey));
        Validate(rowKey, nameof(rowKey));
        return $"{table}(PartitionKey='{Escape(partitionKey)}',RowKey='{Escape(rowKey)}')";
    }

    private static string Escape(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
