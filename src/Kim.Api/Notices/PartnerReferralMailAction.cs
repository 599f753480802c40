using System.Text.Json;
using Kim.Core;
using Kim.Core.Mail;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Kim.Core.Workflows.Payloads;

namespace Kim.Api.Notices;

/// <summary>
/// A mail to the partner a referral was sent to, with a link to <c>GET /api/referrals/{id}</c>:
/// read the referral, send only while the mail still means something, to the partner's address,
/// once per delivery key. The subclasses say when that is and what the mail says.
/// </summary>
public abstract class PartnerReferralMailAction(NoticeServices notices) : IActionHandler
{
    public abstract string Name { get; }

    protected NoticeServices Notices => notices;

    public async Task<JsonElement?> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = NoticeServices.Input<PartnerNotice>(request);
        if (await notices.ReadStateAsync<ReferralWorkflowState>(input.ReferralId, cancellationToken) is not { } referral)
        {
            return notices.Skip(request, "the referral no longer exists");
        }

        if (WhyNotToSend(referral) is { } reason)
        {
            return notices.Skip(request, reason);
        }

        if (await notices.PartnerAsync(input.PartnerId, cancellationToken) is not { } to)
        {
            return notices.Skip(request, $"partner {input.PartnerId} is unknown or has no e-mail address");
        }

        var (kind, deliveryId, compose) = Mail(new ReferralId(input.ReferralId), referral);
        var result = await notices.SendAsync(request, kind, deliveryId, [to], compose, cancellationToken);
        return KimJson.ToElement(result);
    }

    /// <summary>Null to send; otherwise why the mail no longer applies (logged, action completed).</summary>
    protected abstract string? WhyNotToSend(ReferralWorkflowState referral);

    /// <summary>The mail's kind, its delivery id (once per id), and its text for one address.</summary>
    protected abstract (MailKind Kind, string DeliveryId, Func<MailAddress, MailMessage> Compose) Mail(ReferralId referralId, ReferralWorkflowState referral);
}
