using Azure.Core;

namespace Kim.Core.Mail;

/// <summary>
/// Azure.Core's default classification (retry 408, 429, 500, 502, 503, 504 and transport errors)
/// except 429, which <see cref="SendGridRateLimitPolicy"/> retries at the announced reset instead.
/// </summary>
internal sealed class SendGridResponseClassifier : ResponseClassifier
{
    public override bool IsRetriableResponse(HttpMessage message) =>
        message.Response.Status != 429 && base.IsRetriableResponse(message);
}
