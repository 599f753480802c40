namespace Kim.Core.Storage;

/// <summary>Whether each storage service answered an authenticated request.</summary>
public sealed record StorageHealthReport(bool Tables, bool Queues, bool Blobs)
{
    public bool IsHealthy => Tables && Queues && Blobs;
}
