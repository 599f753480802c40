namespace Kim.Core.Input;

/// <summary>
/// The last bytes of a stream while it passes through in chunks, for checks that need a file's end
/// (<see cref="FileSniffer"/>) without holding the whole file. Not thread-safe.
/// </summary>
public sealed class ByteTail(int capacity)
{
    private readonly byte[] _buffer = new byte[capacity];
    private int _length;

    /// <summary>The last bytes seen, at most the capacity, oldest first.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);

    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length >= _buffer.Length)
        {
            chunk[^_buffer.Length..].CopyTo(_buffer);
            _length = _buffer.Length;
            return;
        }

        var keep = Math.Min(_length, _buffer.Length - chunk.Length);
        _buffer.AsSpan(_length - keep, keep).CopyTo(_buffer);
        chunk.CopyTo(_buffer.AsSpan(keep));
        _length = keep + chunk.Length;
    }
}
