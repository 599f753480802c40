using Kim.Core.Mail;

namespace Kim.Core.Reminders;

/// <summary>
/// What runs at each occurrence of the reminder schedule (the daily digest). <see cref="ReminderTicker"/>
/// calls it at most once at a time per occurrence; after a failure or a crash the occurrence runs
/// again, so a job must be safe to repeat (the digest sends through <see cref="MailDispatcher"/>,
/// whose ledger keys each mail by occurrence and recipient).
/// </summary>
public interface IReminderJob
{
    Task RunAsync(ReminderOccurrence occurrence, CancellationToken cancellationToken);
}
