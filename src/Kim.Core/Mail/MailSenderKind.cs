namespace Kim.Core.Mail;

/// <summary>Which <see cref="IMailSender"/> the app uses.</summary>
public enum MailSenderKind
{
    SendGrid,
    DevelopmentMailbox,
}
