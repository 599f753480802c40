using Kim.Core.Mail;

namespace Kim.Api.Mail;

/// <summary>The body of <c>GET /api/dev/mailbox</c>: a list as every list of the API, newest first; the mailbox has no further pages.</summary>
public sealed record DevMailboxResponse(IReadOnlyList<MailboxEntry> Items, string? ContinuationToken);
