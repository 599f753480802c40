using Microsoft.Extensions.Logging;
using SendGrid.Helpers.Reliability;

namespace Kim.Core.Mail;

/// <summary>
/// Sits below the SendGrid library's <see cref="RetryDelegatingHandler"/> and turns every answer
/// that <see cref="ReliabilitySettings.RetriableServerErrorStatusCodes"/> names (429, 500, 502,
/// 503, 504) into an <see cref="HttpRequestException"/> with the status and SendGrid's messages.
/// The retry handler retries on that exception and, once its retries are used up, rethrows the
/// last one, so the sender learns what SendGrid last answered. The library's own check throws an
/// exception that names the status in its text only and drops SendGrid's messages.
/// </summary>
internal sealed class SendGridRetriableAnswerHandler(ReliabilitySettings reliability, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!reliability.RetriableServerErrorStatusCodes.Contains(response.StatusCode))
        {
            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var errors = await SendGridErrorParser.DescribeAsync(status, response.Content, cancellationToken);
            MailLogs.SendGridRetriable(logger, status, errors);
            throw new HttpRequestException(errors, null, response.StatusCode);
        }
    }
}
