namespace Kim.Api.Notices;

/// <summary>Log lines of the deadline notices and partner mails (event ids 4150–4169). Ids and counts only, never mail content.</summary>
internal static partial class NoticeLogs
{
    [LoggerMessage(EventId = 4150, Level = LogLevel.Information, Message = "Action {Action} for {InstanceId}: {Sent} mails sent, {AlreadySent} sent before.")]
    public static partial void Sent(ILogger logger, string action, string instanceId, int sent, int alreadySent);

    [LoggerMessage(EventId = 4151, Level = LogLevel.Warning, Message = "Action {Action} for {InstanceId} sends nothing: {Reason}.")]
    public static partial void Skipped(ILogger logger, string action, string instanceId, string reason);

    [LoggerMessage(EventId = 4152, Level = LogLevel.Warning, Message = "Staff member {StaffId} has no usable e-mail address; left out of the mail.")]
    public static partial void StaffWithoutAddress(ILogger logger, string staffId);
}
