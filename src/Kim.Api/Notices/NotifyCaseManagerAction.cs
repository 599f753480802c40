using System.Globalization;
using System.Text.Json;
using Kim.Core;
using Kim.Core.Cases;
using Kim.Core.Mail;
using Kim.Core.Records;
using Kim.Core.Reminders;
using Kim.Core.Workflows;
using Kim.Core.Workflows.Payloads;
using CaseReference = Kim.Core.Mail.CaseReference;

namespace Kim.Api.Notices;

/// <summary>
/// <c>notify-case-manager</c>: an alert of a case, referral or handover (<see cref="CaseManagerNotice"/>)
/// mailed to the case's assignee, or to every case manager of its municipality when it has none.
/// One mail per recipient and firing: the delivery key is <c>{instanceId}/{alert}/{reference}/{dueAt}</c>,
/// so a repeated action sends nothing new and a recurring alert (plan review) mails each round.
/// A missed hard deadline shares its key with <c>notify-hard-deadline-missed</c>, which mails the same
/// case manager, so they get it once.
/// </summary>
public sealed class NotifyCaseManagerAction(NoticeServices notices) : IActionHandler
{
    public string Name => ActionNames.NotifyCaseManager;

    public async Task<JsonElement?> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var notice = NoticeServices.Input<CaseManagerNotice>(request);
        if (await notices.ReadStateAsync<CaseWorkflowState>(notice.CaseId, cancellationToken) is not { } state)
        {
            return notices.Skip(request, "the case no longer exists");
        }

        if (!state.State.IsOpen())
        {
            return notices.Skip(request, "the case is " + state.State.ToName());
        }

        var recipients = await notices.CaseManagersAsync(state, cancellationToken);
        if (recipients.Count == 0)
        {
            return notices.Skip(request, $"no case manager of municipality {state.Municipality} has an e-mail address");
        }

        var reference = new CaseReference(state.CaseId);
        var day = CaseDueItems.DayOf(notice.DueAt, notices.Calendar);
        var templates = notices.Templates;
        Func<MailAddress, MailMessage> compose;
        string deadlineId;
        switch (notice.Kind)
        {
            case AlertKind.HardDeadlineMissed:
                deadlineId = NotifyHardDeadlineMissedAction.DeadlineId(request.InstanceId);
                compose = to => templates.HardDeadlineMissed(to, new HardDeadlineMissedNotice(reference, new MunicipalityId(state.Municipality), day));
                break;
            case AlertKind.HandoverStepDueSoon when notice.Reference is { } step:
                deadlineId = DeadlineId(request.InstanceId, notice);
                var today = notices.Calendar.LocalDate(notices.Time.GetUtcNow());
                var left = Math.Max(0, notices.Calendar.WorkingDaysBetween(today, day));
                compose = to => templates.HandoverStepDue(to, new HandoverStepDueNotice(reference, new HandoverStepId(step), day, left));
                break;
            default:
                deadlineId = DeadlineId(request.InstanceId, notice);
                var alert = new CaseAlertNotice(
                    reference,
                    notice.Kind,
                    day,
                    notice.Kind is AlertKind.PartnerResponseOverdue or AlertKind.ClientArrivalCheck && notice.Reference is { } r ? new ReferralId(r) : null,
                    notice.Kind is AlertKind.HandoverStepOverdue or AlertKind.HandoverTargetMissed or AlertKind.HandoverStepDueSoon && notice.Reference is { } s
                        ? new HandoverStepId(s)
                        : null);
                compose = to => templates.CaseAlert(to, alert);
                break;
        }

        var result = await notices.SendAsync(request, MailKind.DeadlineNotice, deadlineId, recipients, compose, cancellationToken);
        return KimJson.ToElement(result);
    }

    /// <summary><c>{instanceId}/{alert}/{reference or -}/{dueAt, UTC}</c>: stable per alert and firing.</summary>
    public static string DeadlineId(string instanceId, CaseManagerNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var due = notice.DueAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return $"{instanceId}/{KimJson.Name(notice.Kind)}/{notice.Reference ?? "-"}/{due}";
    }
}
