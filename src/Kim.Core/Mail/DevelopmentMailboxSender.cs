using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kim.Core.Mail;

/// <summary>The <see cref="IMailSender"/> of Development without an API key: stores each mail in the development mailbox.</summary>
public sealed class DevelopmentMailboxSender(IDevelopmentMailbox mailbox, TimeProvider timeProvider, ILogger<DevelopmentMailboxSender>? logger = null) : IMailSender
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await mailbox.AddAsync(new MailboxEntry(message.To.Email, message.Subject, message.Text, timeProvider.GetUtcNow()), cancellationToken);
        MailLogs.DevelopmentMailboxStored(_logger);
    }
}
