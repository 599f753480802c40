namespace Kim.Core.Mail;

/// <summary>
/// An <see cref="IMailSender"/> could not hand a mail over. <see cref="Status"/> is the mail
/// service's last HTTP answer (null when none came: a transport error or a timeout), after the
/// service client's own retries. <see cref="MailDispatcher"/> reads <see cref="Refused"/> to
/// decide whether an at-most-once claim may be given back.
/// </summary>
public sealed class MailSendFailedException : Exception
{
    public MailSendFailedException()
    {
    }

    public MailSendFailedException(string message)
        : base(message)
    {
    }

    public MailSendFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MailSendFailedException(int? status, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
    }

    /// <summary>The HTTP status of the service's last answer; null when no answer came.</summary>
    public int? Status { get; }

    /// <summary>
    /// The service answered 4xx (bad request, key, rate limit, too large): the mail certainly did
    /// not leave. After a 5xx, a timeout or a transport error it may have been accepted.
    /// </summary>
    public bool Refused => Status is >= 400 and < 500;
}
