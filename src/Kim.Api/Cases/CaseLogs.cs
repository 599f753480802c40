namespace Kim.Api.Cases;

/// <summary>Log messages of the staff case API; event ids 3000–3099. Never log client data.</summary>
internal static partial class CaseLogs
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Case {CaseId} opened by {StaffId}")]
    public static partial void CaseOpened(ILogger logger, string caseId, string staffId);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "{Event} on {InstanceId} by {StaffId} was refused: {Code}")]
    public static partial void Refused(ILogger logger, string @event, string instanceId, string staffId, string code);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Case {CaseId} purged: {Instances} instances, {Documents} documents")]
    public static partial void CasePurged(ILogger logger, string caseId, int instances, int documents);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Document {DocumentId} added to case {CaseId} by {StaffId}")]
    public static partial void DocumentAdded(ILogger logger, string documentId, string caseId, string staffId);
}
