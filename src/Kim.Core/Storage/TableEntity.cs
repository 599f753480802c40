using System.Collections;
using Azure;

namespace Kim.Core.Storage;

/// <summary>
/// A table entity as a property bag: keys, ETag and timestamp as properties, everything else by
/// name. Values are string, int, long, double, bool, DateTimeOffset (or DateTime), Guid or byte[];
/// they are written with the OData type annotations that bring them back as the same CLR type.
/// https://learn.microsoft.com/rest/api/storageservices/payload-format-for-table-service-operations
/// </summary>
public sealed class TableEntity : IEnumerable<KeyValuePair<string, object>>
{
    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    public TableEntity()
    {
    }

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";

    /// <summary>The entity's version as the service last returned it; pass it back verbatim for optimistic concurrency.</summary>
    public ETag ETag { get; set; }

    /// <summary>Set by the service on every write; ignored when sending.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    public int Count => _properties.Count;

    public IEnumerable<string> Keys => _properties.Keys;

    /// <summary>A property's value, or null when absent. Setting null removes the property.</summary>
    public object? this[string name]
    {
        get => _properties.GetValueOrDefault(name);
        set
        {
            if (value is null)
            {
                _properties.Remove(name);
            }
            else
            {
                Add(name, value);
            }
        }
    }

    /// <summary>Adds or replaces a property (named Add so collection initializers work).</summary>
    public void Add(string name, object value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name is "PartitionKey" or "RowKey" or "Timestamp" || name.StartsWith("odata.", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is a system property; use the entity's properties instead.", nameof(name));
        }

        _properties[name] = value switch
        {
            string or int or long or double or bool or Guid or byte[] => value,
            DateTimeOffset d => d,
            DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
            BinaryData b => b.ToArray(),
            _ => throw new ArgumentException(
                $"Property '{name}' has type {value.GetType().Name}, which Table Storage cannot hold. " +
                "Use string, int, long, double, bool, DateTimeOffset, Guid or byte[].", nameof(value)),
        };
    }

    public bool ContainsKey(string name) => _properties.ContainsKey(name);

    public bool Remove(string name) => _properties.Remove(name);

    public string? GetString(string name) => Get<string>(name);

    public int? GetInt32(string name) => GetStruct<int>(name);

    /// <summary>An Int64 property; an Int32 value widens (the service answers small numbers without annotation).</summary>
    public long? GetInt64(string name) => this[name] is int i ? i : GetStruct<long>(name);

    /// <summary>A Double property; an Int32 value widens.</summary>
    public double? GetDouble(string name) => this[name] is int i ? i : GetStruct<double>(name);

    public bool? GetBoolean(string name) => GetStruct<bool>(name);

    public DateTimeOffset? GetDateTimeOffset(string name) => GetStruct<DateTimeOffset>(name);

    public Guid? GetGuid(string name) => GetStruct<Guid>(name);

    public byte[]? GetBinary(string name) => Get<byte[]>(name);

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private T? Get<T>(string name) where T : class => this[name] switch
    {
        null => null,
        T value => value,
        var other => throw WrongType(name, typeof(T), other),
    };

    private T? GetStruct<T>(string name) where T : struct => this[name] switch
    {
        null => null,
        T value => value,
        var other => throw WrongType(name, typeof(T), other),
    };

    private static InvalidOperationException WrongType(string name, Type wanted, object actual) =>
        new($"Property '{name}' is a {actual.GetType().Name}, not a {wanted.Name}.");
}
