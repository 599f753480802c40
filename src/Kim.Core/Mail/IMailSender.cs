namespace Kim.Core.Mail;

/// <summary>
/// Sends one mail: SendGrid in production, the development mailbox in Development without an API
/// key. Returns when the mail was accepted; throws when it was not (SendGrid:
/// <see cref="MailSendFailedException"/>). Sending twice sends twice: use
/// <see cref="MailDispatcher"/> for at most / at least once per <see cref="MailDeliveryKey"/>.
/// </summary>
public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}
