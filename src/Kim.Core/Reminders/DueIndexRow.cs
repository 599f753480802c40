using Azure;

namespace Kim.Core.Reminders;

/// <summary>One row of the due-date index as the digest job reads it: which case to look at, and from when.</summary>
public sealed record DueIndexRow(
    string PartitionKey,
    string RowKey,
    string CaseId,
    string ItemId,
    string? District,
    string? Municipality,
    string? Assignee,
    ETag ETag);
