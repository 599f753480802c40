namespace Kim.Core.Storage;

/// <summary>A message seen without receiving it: no pop receipt, visibility unchanged.</summary>
public sealed record PeekedMessage(string MessageId, string MessageText, long DequeueCount, DateTimeOffset InsertedOn, DateTimeOffset? ExpiresOn);
