using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace Kim.Core.Mail;

/// <summary>
/// Retries a 429 at the instant SendGrid names in <c>X-RateLimit-Reset</c> (epoch seconds), on
/// <see cref="SendGridMailSenderOptions.TimeProvider"/>; bounded by
/// <see cref="SendGridMailSenderOptions.RateLimitMaxAttempts"/> and
/// <see cref="SendGridMailSenderOptions.RateLimitMaxWait"/>. It runs per call, around Azure.Core's
/// retry policy, whose classifier leaves 429 alone. When it gives up, the 429 response stays on the
/// message and the sender turns it into a <see cref="Azure.RequestFailedException"/>.
/// https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/rate-limits
/// </summary>
internal sealed class SendGridRateLimitPolicy(SendGridMailSenderOptions options, ILogger logger) : HttpPipelinePolicy
{
    internal const string ResetHeader = "X-RateLimit-Reset";

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: true);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline, async: false).AsTask().GetAwaiter().GetResult();

    private async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline, bool async)
    {
        var maxAttempts = Math.Max(1, options.RateLimitMaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            if (async)
            {
                await ProcessNextAsync(message, pipeline);
            }
            else
            {
                ProcessNext(message, pipeline);
            }

            if (message.Response.Status != 429)
            {
                return;
            }

            var wait = WaitFor(message.Response, options.TimeProvider.GetUtcNow()) ?? options.RateLimitFallbackWait;
            if (attempt >= maxAttempts || wait > options.RateLimitMaxWait)
            {
                MailLogs.RateLimitGaveUp(logger, attempt, wait);
                return;
            }

            MailLogs.RateLimited(logger, attempt, wait);
            if (wait > TimeSpan.Zero)
            {
                var delay = Task.Delay(wait, options.TimeProvider, message.CancellationToken);
                if (async)
                {
                    await delay;
                }
                else
                {
                    delay.GetAwaiter().GetResult();
                }
            }
        }
    }

    /// <summary>How long until the announced reset (zero when it has passed); null without a readable header.</summary>
    internal static TimeSpan? WaitFor(Response response, DateTimeOffset now)
    {
        if (!response.Headers.TryGetValue(ResetHeader, out var value)
            || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var epochSeconds))
        {
            return null;
        }

        var reset = DateTimeOffset.FromUnixTimeSeconds(epochSeconds);
        return reset > now ? reset - now : TimeSpan.Zero;
    }
}
