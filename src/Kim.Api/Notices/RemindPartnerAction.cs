using System.Globalization;
using Kim.Core.Cases;
using Kim.Core.Mail;
using Kim.Core.Reminders;
using Kim.Core.Workflows;

namespace Kim.Api.Notices;

/// <summary>
/// <c>remind-partner</c>: the partner's answer to a referral is overdue. Mailed to the partner's
/// address with a link to <c>GET /api/referrals/{id}</c>, once per referral and respondBy (key
/// <c>{referralId}/answer-overdue/{respondBy}</c>). Nothing is sent if the partner answered meanwhile.
/// </summary>
public sealed class RemindPartnerAction(NoticeServices notices) : PartnerReferralMailAction(notices)
{
    public override string Name => ActionNames.RemindPartner;

    protected override string? WhyNotToSend(ReferralWorkflowState referral) =>
        referral.State != ReferralState.Sent ? "the referral is no longer awaiting an answer" : null;

    protected override (MailKind Kind, string DeliveryId, Func<MailAddress, MailMessage> Compose) Mail(ReferralId referralId, ReferralWorkflowState referral)
    {
        var respondBy = CaseDueItems.DayOf(referral.RespondBy, Notices.Calendar);
        var reminder = new PartnerAnswerReminder(referralId, respondBy);
        var deliveryId = $"{referralId.Value}/answer-overdue/{respondBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return (MailKind.PartnerReminder, deliveryId, address => Notices.Templates.PartnerAnswerOverdue(address, reminder));
    }
}
