using Azure;

namespace Kim.Core.Storage;

/// <summary>The outcome of one operation of a committed transaction, in the order the operations were given.</summary>
public sealed record TableTransactionResult(int Status, ETag ETag);
