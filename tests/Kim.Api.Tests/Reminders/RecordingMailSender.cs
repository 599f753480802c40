using System.Collections.Concurrent;
using Kim.Core.Mail;

namespace Kim.Api.Tests.Reminders;

/// <summary>Keeps every mail it is given; <see cref="Fail"/> can refuse chosen ones, like a SendGrid outage or a crash.</summary>
internal sealed class RecordingMailSender : IMailSender
{
    private readonly ConcurrentQueue<MailMessage> _sent = new();

    public Func<MailMessage, Exception?>? Fail { get; set; }

    public IReadOnlyList<MailMessage> Sent => [.. _sent];

    public IReadOnlyList<MailMessage> To(string email) => [.. _sent.Where(m => m.To.Email == email)];

    /// <summary>The same mailbox, without failures: the process after a restart.</summary>
    public RecordingMailSender WithoutFailures()
    {
        Fail = null;
        return this;
    }

    public Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Fail?.Invoke(message) is { } failure)
        {
            throw failure;
        }

        _sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
