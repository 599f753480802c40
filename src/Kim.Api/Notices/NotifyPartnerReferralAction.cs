using Kim.Core.Cases;
using Kim.Core.Mail;
using Kim.Core.Reminders;
using Kim.Core.Workflows;

namespace Kim.Api.Notices;

/// <summary>
/// <c>notify-partner-referral</c>: a new referral announced to the partner it was sent to, with the
/// answer date and a link to <c>GET /api/referrals/{id}</c>; once per referral (key <c>{referralId}/announced</c>).
/// A referral withdrawn before the mail went out is not announced.
/// </summary>
public sealed class NotifyPartnerReferralAction(NoticeServices notices) : PartnerReferralMailAction(notices)
{
    public override string Name => ActionNames.NotifyPartnerReferral;

    protected override string? WhyNotToSend(ReferralWorkflowState referral) =>
        referral.State is ReferralState.Withdrawn ? "the referral was withdrawn" : null;

    protected override (MailKind Kind, string DeliveryId, Func<MailAddress, MailMessage> Compose) Mail(ReferralId referralId, ReferralWorkflowState referral)
    {
        var announcement = new ReferralAnnouncement(referralId, CaseDueItems.DayOf(referral.RespondBy, Notices.Calendar));
        return (MailKind.ReferralAnnouncement, referralId.Value + "/announced", address => Notices.Templates.NewReferral(address, announcement));
    }
}
