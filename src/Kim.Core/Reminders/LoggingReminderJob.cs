using Kim.Core.Mail;
using Microsoft.Extensions.Logging;

namespace Kim.Core.Reminders;

/// <summary>A placeholder <see cref="IReminderJob"/> that only logs the occurrence, until the digest job (over the due-date index) replaces it.</summary>
public sealed class LoggingReminderJob(ILogger<LoggingReminderJob> logger) : IReminderJob
{
    public Task RunAsync(ReminderOccurrence occurrence, CancellationToken cancellationToken)
    {
        ReminderLogs.PlaceholderJobRan(logger, occurrence.Id, occurrence.Local);
        return Task.CompletedTask;
    }
}
