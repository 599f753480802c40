namespace Kim.Core.Mail;

/// <summary>
/// One line of a digest. It has room for a case reference, a kind and a date only: no name, no
/// birth date, no case content can reach a mail through it. The link is built from
/// <c>Kim__PublicBaseUrl</c> by <see cref="MailLinks"/>.
/// </summary>
public sealed record DueItem(CaseReference Case, DueItemKind Kind, DateOnly DueDate);
