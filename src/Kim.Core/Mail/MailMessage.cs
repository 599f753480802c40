namespace Kim.Core.Mail;

/// <summary>
/// One mail to one recipient, in plain text and HTML. Kim sends one message per recipient so that
/// each delivery has its own <see cref="MailDeliveryKey"/>.
/// </summary>
public sealed record MailMessage
{
    public MailMessage(MailAddress to, string subject, string text, string html)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(html);
        To = to;
        Subject = subject;
        Text = text;
        Html = html;
    }

    public MailAddress To { get; }

    public string Subject { get; }

    /// <summary>The <c>text/plain</c> body.</summary>
    public string Text { get; }

    /// <summary>The <c>text/html</c> body; every value in it is HTML-escaped.</summary>
    public string Html { get; }
}
