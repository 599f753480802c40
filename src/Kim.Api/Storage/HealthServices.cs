namespace Kim.Api.Storage;

/// <summary>Reachability of each storage service: "reachable" or "unreachable".</summary>
public sealed record HealthServices(string Tables, string Queues, string Blobs);
