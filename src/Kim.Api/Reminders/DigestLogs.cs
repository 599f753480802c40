namespace Kim.Api.Reminders;

/// <summary>Log lines of the daily digest job (event ids 4130–4139). Ids and counts only, never mail content.</summary>
internal static partial class DigestLogs
{
    [LoggerMessage(EventId = 4130, Level = LogLevel.Information,
        Message = "Digest {Occurrence}: {Rows} due rows, {Cases} cases, {Stale} stale rows dropped, {Items} items for {Recipients} recipients: {Sent} sent, {Skipped} sent or claimed before, {Failed} failed.")]
    public static partial void Ran(ILogger logger, string occurrence, int rows, int cases, int stale, int items, int recipients, int sent, int skipped, int failed);

    [LoggerMessage(EventId = 4131, Level = LogLevel.Warning, Message = "Digest {Occurrence}: case {CaseId} of municipality {Municipality} has due items but no case manager to receive them.")]
    public static partial void Unroutable(ILogger logger, string occurrence, string caseId, string municipality);
}
