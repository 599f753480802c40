using Azure;

namespace Kim.Core.Storage;

/// <summary>One operation of an entity-group transaction.</summary>
/// <param name="ETag">For updates and deletes: the expected version; default means unconditional (<c>*</c>).</param>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default);
