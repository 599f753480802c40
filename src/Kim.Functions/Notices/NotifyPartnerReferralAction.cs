using System.Text.Json;
using Kim.Core;
using Kim.Core.Cases;
using Kim.Core.Mail;
using Kim.Core.Reminders;
using Kim.Core.Runtime;
using Kim.Core.Workflows;
using Kim.Core.Workflows.Payloads;

namespace Kim.Functions.Notices;

/// <summary>
/// <c>notify-partner-referral</c>: a new referral announced to the partner it was sent to, with the
/// answer date and a link to <c>GET /api/referrals/{id}</c>; once per referral (key <c>{referralId}/announced</c>).
/// A referral withdrawn before the mail went out is not announced.
/// </summary>
public sealed class NotifyPartnerReferralAction(NoticeServices notices) : IActionHandler
{
    public string Name => ActionNames.NotifyPartnerReferral;

    public async Task<JsonElement?> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = NoticeServices.Input<PartnerNotice>(request);
        if (await notices.ReadStateAsync<ReferralWorkflowState>(input.ReferralId, cancellationToken) is not { } referral)
        {
            return notices.Skip(request, "the referral no longer exists");
        }

        if (referral.State is ReferralState.Withdrawn)
        {
            return notices.Skip(request, "the referral was withdrawn");
        }

        if (await notices.PartnerAsync(input.PartnerId, cancellationToken) is not { } to)
        {
            return notices.Skip(request, $"partner {input.PartnerId} is unknown or has no e-mail address");
        }

        var announcement = new ReferralAnnouncement(new ReferralId(input.ReferralId), CaseDueItems.DayOf(referral.RespondBy, notices.Calendar));
        var result = await notices.SendAsync(
            request, MailKind.ReferralAnnouncement, input.ReferralId + "/announced", [to], address => notices.Templates.NewReferral(address, announcement), cancellationToken);
        return KimJson.ToElement(result);
    }
}
