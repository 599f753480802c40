namespace Kim.Core.Records;

/// <summary>A commit lost a race (stale ETag, instance or marker already there): re-read and re-apply.</summary>
public sealed class InstanceConflictException : Exception
{
    public InstanceConflictException()
    {
    }

    public InstanceConflictException(string message)
        : base(message)
    {
    }

    public InstanceConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
