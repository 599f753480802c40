using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kim.Core.Mail;

/// <summary>
/// Sends mail through SendGrid's v3 Web API on an Azure.Core pipeline: <c>POST /v3/mail/send</c>
/// with a bearer API key; 202 (200 in sandbox mode) is success; 429 waits for
/// <c>X-RateLimit-Reset</c> (<see cref="SendGridRateLimitPolicy"/>); every other error is a
/// <see cref="RequestFailedException"/> whose message carries SendGrid's error messages.
/// SendGrid has no idempotency key: a retry after a lost answer may send a mail twice.
/// https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send
/// </summary>
public sealed class SendGridMailSender : IMailSender
{
    private readonly SendGridSettings _settings;
    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;
    private readonly ILogger _logger;

    public SendGridMailSender(SendGridSettings settings, SendGridMailSenderOptions? options = null, ILogger<SendGridMailSender>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        options ??= new SendGridMailSenderOptions();
        _settings = settings;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _endpoint = new Uri(settings.BaseUrl.AbsoluteUri.TrimEnd('/') + "/v3/mail/send");
        _pipeline = HttpPipelineBuilder.Build(
            options,
            [new SendGridRateLimitPolicy(options, _logger)],
            [new SendGridApiKeyPolicy(settings.ApiKey)],
            new SendGridResponseClassifier());
    }

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var http = _pipeline.CreateMessage();
        var request = http.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_endpoint);
        request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        request.Headers.SetValue(HttpHeader.Names.Accept, "application/json");
        request.Content = RequestContent.Create(SendGridMailBody.Create(message, _settings.From));

        await _pipeline.SendAsync(http, cancellationToken);
        var response = http.Response;
        if (response.IsError)
        {
            MailLogs.SendGridRejected(_logger, response.Status);
            throw new RequestFailedException(response, null, SendGridErrorParser.Instance);
        }

        MailLogs.SendGridAccepted(_logger, response.Status);
    }
}
