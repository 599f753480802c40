using System.Globalization;
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
/// <c>remind-partner</c>: the partner's answer to a referral is overdue. Mailed to the partner's
/// address with a link to <c>GET /api/referrals/{id}</c>, once per referral and respondBy (key
/// <c>{referralId}/answer-overdue/{respondBy}</c>). Nothing is sent if the partner answered meanwhile.
/// </summary>
public sealed class RemindPartnerAction(NoticeServices notices) : IActionHandler
{
    public string Name => ActionNames.RemindPartner;

    public async Task<JsonElement?> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = NoticeServices.Input<PartnerNotice>(request);
        if (await notices.ReadStateAsync<ReferralWorkflowState>(input.ReferralId, cancellationToken) is not { } referral)
        {
            return notices.Skip(request, "the referral no longer exists");
        }

        if (referral.State != ReferralState.Sent)
        {
            return notices.Skip(request, "the referral is no longer awaiting an answer");
        }

        if (await notices.PartnerAsync(input.PartnerId, cancellationToken) is not { } to)
        {
            return notices.Skip(request, $"partner {input.PartnerId} is unknown or has no e-mail address");
        }

        var respondBy = CaseDueItems.DayOf(referral.RespondBy, notices.Calendar);
        var reminder = new PartnerAnswerReminder(new ReferralId(input.ReferralId), respondBy);
        var deadlineId = $"{input.ReferralId}/answer-overdue/{respondBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var result = await notices.SendAsync(
            request, MailKind.PartnerReminder, deadlineId, [to], address => notices.Templates.PartnerAnswerOverdue(address, reminder), cancellationToken);
        return KimJson.ToElement(result);
    }
}
