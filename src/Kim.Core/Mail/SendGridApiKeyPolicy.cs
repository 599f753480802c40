using Azure.Core;
using Azure.Core.Pipeline;

namespace Kim.Core.Mail;

/// <summary>
/// Adds <c>Authorization: Bearer {key}</c> on every attempt (a per-retry policy).
/// https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/authentication
/// </summary>
internal sealed class SendGridApiKeyPolicy(string apiKey) : HttpPipelineSynchronousPolicy
{
    private readonly string _authorization = "Bearer " + apiKey;

    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, _authorization);
}
