using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SendGrid;
using SendGrid.Helpers.Mail;
using SendGrid.Helpers.Reliability;

namespace Kim.Core.Mail;

/// <summary>
/// Sends mail through Twilio SendGrid's library (<see cref="SendGridClient"/>, v3 Mail Send with a
/// bearer API key; 202, or 200 in sandbox mode, is success). Retries are the library's
/// (<see cref="ReliabilitySettings"/>: exponential back-off, at most 5 retries, Retry-After and
/// X-RateLimit-Reset are not read) on 429 (added here: the library does not retry it by default),
/// 500, 502, 503, 504 and transport errors. Every failure, retries used up included, is a
/// <see cref="MailSendFailedException"/> with SendGrid's last status and messages; only the
/// caller's cancellation is an <see cref="OperationCanceledException"/>.
/// SendGrid has no idempotency key: a retry after a lost answer may send a mail twice.
/// https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send
/// </summary>
public sealed class SendGridMailSender : IMailSender, IDisposable
{
    private readonly MailAddress _from;
    private readonly HttpClient _http;
    private readonly SendGridClient _client;
    private readonly ILogger _logger;

    /// <param name="settings">Key, sender and base URL (<c>SendGrid__BaseUrl</c> becomes <see cref="SendGridClientOptions.Host"/>).</param>
    /// <param name="reliability">Retries and back-off; <see cref="DefaultReliability"/> when null. 429 is added to its retriable codes.</param>
    /// <param name="logger">Logs accepted, retried, refused and failed sends (<see cref="MailLogs"/>).</param>
    public SendGridMailSender(SendGridSettings settings, ReliabilitySettings? reliability = null, ILogger<SendGridMailSender>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        reliability ??= DefaultReliability();
        if (!reliability.RetriableServerErrorStatusCodes.Contains(HttpStatusCode.TooManyRequests))
        {
            reliability.RetriableServerErrorStatusCodes.Add(HttpStatusCode.TooManyRequests);
        }

        _from = settings.From;
        _logger = (ILogger?)logger ?? NullLogger.Instance;

        // The library wraps its handler in RetryDelegatingHandler only when it creates the
        // HttpClient itself; given ours, it drops ReliabilitySettings without a word. Ours is
        // needed for SendGridRetriableAnswerHandler, so the retry handler is put around it here.
        // A long-lived client re-resolves DNS by recycling pooled connections.
        var transport = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        _http = new HttpClient(new RetryDelegatingHandler(new SendGridRetriableAnswerHandler(reliability, _logger) { InnerHandler = transport }, reliability));
        _client = new SendGridClient(_http, new SendGridClientOptions { ApiKey = settings.ApiKey, Host = settings.BaseUrl.AbsoluteUri });
    }

    /// <summary>3 retries after about 1, 2 and 4 seconds (at most 10 seconds each).</summary>
    public static ReliabilitySettings DefaultReliability() =>
        new(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));

    /// <summary>Returns once SendGrid accepted the mail; throws <see cref="MailSendFailedException"/> when it did not.</summary>
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Response response;
        try
        {
            response = await _client.SendEmailAsync(Compose(message, _from), cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            // Retries used up: the last answer's status (SendGridRetriableAnswerHandler), or none
            // after a transport error.
            var status = (int?)exception.StatusCode;
            MailLogs.SendGridGaveUp(_logger, status, exception);
            throw new MailSendFailedException(status, exception.Message, exception);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // The library's retry handler retries a cancelled attempt, the caller's cancellation
            // included, and ends with a TimeoutException; without retries HttpClient's timeout is
            // a TaskCanceledException. Only the caller's cancellation stays a cancellation.
            cancellationToken.ThrowIfCancellationRequested();
            MailLogs.SendGridGaveUp(_logger, null, exception);
            throw new MailSendFailedException(null, "SendGrid did not answer in time.", exception);
        }

        using var body = response.Body;
        var answer = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            var errors = await SendGridErrorParser.DescribeAsync(answer, body, cancellationToken);
            MailLogs.SendGridRejected(_logger, answer, errors);
            throw new MailSendFailedException(answer, errors);
        }

        MailLogs.SendGridAccepted(_logger, answer);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>One recipient, the sender, the subject, <c>text/plain</c> and <c>text/html</c> (the library puts plain text first, as SendGrid requires).</summary>
    internal static SendGridMessage Compose(MailMessage message, MailAddress from)
    {
        var mail = new SendGridMessage
        {
            From = new EmailAddress(from.Email, from.Name),
            Subject = message.Subject,
            PlainTextContent = message.Text,
            HtmlContent = message.Html,
        };
        mail.AddTo(new EmailAddress(message.To.Email, message.To.Name));
        return mail;
    }
}
