using Microsoft.Extensions.Logging;

namespace Kim.Core.Mail;

/// <summary>
/// Every log line of the mail concern, with stable event ids (4000–4099). Logs name delivery keys
/// and statuses, never a mail's content.
/// </summary>
internal static partial class MailLogs
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "SendGrid accepted a mail (status {Status}).")]
    public static partial void SendGridAccepted(ILogger logger, int status);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "SendGrid answered {Status} ({Errors}); the SendGrid client retries while it has retries left.")]
    public static partial void SendGridRetriable(ILogger logger, int status, string errors);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "SendGrid did not accept a mail and the SendGrid client has no retries left (last status {Status}).")]
    public static partial void SendGridGaveUp(ILogger logger, int? status, Exception exception);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "SendGrid rejected a mail with status {Status}: {Errors}")]
    public static partial void SendGridRejected(ILogger logger, int status, string errors);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Development mailbox stored a mail (no SendGrid API key).")]
    public static partial void DevelopmentMailboxStored(ILogger logger);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Information, Message = "Mail {DeliveryKey} sent.")]
    public static partial void DeliverySent(ILogger logger, string deliveryKey);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Information, Message = "Mail {DeliveryKey} skipped: {Outcome}.")]
    public static partial void DeliverySkipped(ILogger logger, string deliveryKey, MailDeliveryOutcome outcome);

    [LoggerMessage(EventId = 4022, Level = LogLevel.Warning, Message = "Mail {DeliveryKey} failed; claim released: {Released}.")]
    public static partial void DeliveryFailed(ILogger logger, string deliveryKey, bool released, Exception exception);
}
