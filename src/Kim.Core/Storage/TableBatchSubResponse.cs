namespace Kim.Core.Storage;

/// <summary>One HTTP response inside an entity-group transaction's multipart answer.</summary>
internal sealed record TableBatchSubResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body);
