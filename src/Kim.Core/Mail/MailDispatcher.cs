using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kim.Core.Mail;

/// <summary>
/// Sends a mail once per <see cref="MailDeliveryKey"/>: claim in the ledger, send, record. The
/// kind's <see cref="MailDeliveryPolicy"/> decides whether a stale claim is taken over (at least
/// once) or not (at most once), and whether a failed send gives its claim back.
/// </summary>
public sealed class MailDispatcher(IMailSender sender, IMailLedger ledger, TimeProvider timeProvider, ILogger<MailDispatcher>? logger = null)
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public async Task<MailDeliveryOutcome> SendOnceAsync(MailDeliveryKey key, MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        var policy = MailDeliveryPolicy.For(key.Kind);
        var claim = await ledger.TryClaimAsync(key, timeProvider.GetUtcNow(), policy.ClaimTakeOverAfter, cancellationToken);
        if (claim != MailClaimResult.Claimed)
        {
            var outcome = claim == MailClaimResult.AlreadySent ? MailDeliveryOutcome.AlreadySent : MailDeliveryOutcome.ClaimedElsewhere;
            MailLogs.DeliverySkipped(_logger, key.Value, outcome);
            return outcome;
        }

        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception exception)
        {
            // An at-least-once mail gives its claim back after any failure or cancellation. An
            // at-most-once mail keeps it unless the send certainly did not go out (SendGrid answered
            // 4xx, e.g. 400 or 429): after a timeout, a 5xx or a cancellation SendGrid may have accepted it.
            var release = !policy.AtMostOnce || exception is MailSendFailedException { Refused: true };
            if (release)
            {
                await ledger.ReleaseAsync(key, CancellationToken.None);
            }

            MailLogs.DeliveryFailed(_logger, key.Value, release, exception);
            throw;
        }

        await ledger.RecordSentAsync(key, timeProvider.GetUtcNow(), CancellationToken.None);
        MailLogs.DeliverySent(_logger, key.Value);
        return MailDeliveryOutcome.Sent;
    }
}
