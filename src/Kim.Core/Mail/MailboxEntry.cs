namespace Kim.Core.Mail;

/// <summary>A mail the development mailbox holds; the shape <c>GET /api/dev/mailbox</c> answers.</summary>
public sealed record MailboxEntry(string To, string Subject, string Text, DateTimeOffset SentAt);
