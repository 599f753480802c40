using Azure.Core;

namespace Kim.Core.Mail;

/// <summary>
/// Options of <see cref="SendGridMailSender"/>: everything <see cref="ClientOptions"/> offers
/// (retry on 408/500/502/503/504, transport, extra policies) plus SendGrid's rate limit, which
/// Azure.Core's retry cannot honour because SendGrid announces the reset in
/// <c>X-RateLimit-Reset</c> (epoch seconds), not in <c>Retry-After</c>.
/// </summary>
public sealed class SendGridMailSenderOptions : ClientOptions
{
    /// <summary>How many times one mail is sent in all when SendGrid answers 429 (first try included).</summary>
    public int RateLimitMaxAttempts { get; set; } = 5;

    /// <summary>The longest wait for a rate-limit reset; a later reset fails the send with 429 at once.</summary>
    public TimeSpan RateLimitMaxWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait when a 429 carries no usable <c>X-RateLimit-Reset</c>.</summary>
    public TimeSpan RateLimitFallbackWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock the rate-limit waits run on; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
