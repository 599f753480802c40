using System.Text.Json;

namespace Kim.Core.Records;

/// <summary>
/// The variable-size part of an instance row (state, timers, pending actions, output, error) as
/// one UTF-8 JSON document. A table row holds it in binary chunks of at most 64 KiB each, so the
/// state may exceed the 64 KiB limit of one string property, up to <see cref="MaxBytes"/> within
/// the 1 MiB entity limit.
/// </summary>
public static class InstanceBody
{
    public const int ChunkBytes = 64 * 1024;

    public const int MaxChunks = 15;

    /// <summary>960 KiB: fifteen full chunks leave room for the key and scalar columns in 1 MiB.</summary>
    public const int MaxBytes = ChunkBytes * MaxChunks;

    public static byte[] Encode(InstanceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var body = new Body(record.State, record.Timers, record.Actions, record.Output, record.Error);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, KimJson.Options);
        return bytes.Length <= MaxBytes
            ? bytes
            : throw new InstanceTooLargeException(
                $"Instance {record.InstanceId} needs {bytes.Length} bytes of state, timers and actions; one row holds at most {MaxBytes}. Keep documents and long lists out of workflow state.");
    }

    public static InstanceRecord Decode(InstanceRecord scalars, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(scalars);
        var body = JsonSerializer.Deserialize<Body>(bytes, KimJson.Options) ?? throw new JsonException("empty instance body");
        return scalars with
        {
            State = body.State,
            Timers = body.Timers ?? [],
            Actions = body.Actions ?? [],
            Output = body.Output,
            Error = body.Error,
        };
    }

    /// <summary>Splits bytes into chunks of at most <see cref="ChunkBytes"/>.</summary>
    public static IReadOnlyList<byte[]> Split(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var chunks = new List<byte[]>();
        for (var offset = 0; offset < bytes.Length; offset += ChunkBytes)
        {
            chunks.Add(bytes[offset..Math.Min(offset + ChunkBytes, bytes.Length)]);
        }

        return chunks;
    }

    private sealed record Body(
        JsonElement? State,
        IReadOnlyList<HeldTimer>? Timers,
        IReadOnlyList<PendingAction>? Actions,
        JsonElement? Output,
        string? Error);
}
