namespace Kim.Core.Mail;

/// <summary>The outcome of <see cref="MailSettings.Choose"/>: the sender to use and, for SendGrid, its settings.</summary>
public sealed record MailSenderChoice(MailSenderKind Kind, SendGridSettings? SendGrid);
