using Azure;

namespace Kim.Core.Storage;

/// <summary>
/// An entity-group transaction failed as a whole (nothing of it was written) because of the
/// operation at <see cref="FailedIndex"/>.
/// </summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    public TableTransactionFailedException(int status, string message, string? errorCode, int failedIndex)
        : base(status, message, errorCode, null)
    {
        FailedIndex = failedIndex;
    }

    /// <summary>The 0-based index of the operation the service refused.</summary>
    public int FailedIndex { get; }
}
