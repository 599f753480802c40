namespace Kim.Core.Storage;

/// <summary>One blob of a listing.</summary>
public sealed record BlobItem(string Name, BlobProperties Properties);
