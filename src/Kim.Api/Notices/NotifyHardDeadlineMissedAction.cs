using System.Text.Json;
using Kim.Core;
using Kim.Core.Mail;
using Kim.Core.Records;
using Kim.Core.Workflows;
using CaseReference = Kim.Core.Mail.CaseReference;

namespace Kim.Api.Notices;

/// <summary>
/// <c>notify-hard-deadline-missed</c>, run by a handover whose hard deadline passed unconfirmed: the
/// case manager(s) and every coordinator of the district get the case reference, the municipality and
/// the deadline, nothing else (coordinators see no case content). Once per recipient and handover:
/// key <c>{handoverInstanceId}/hard-deadline-missed</c>, shared with the case manager's alert.
/// </summary>
public sealed class NotifyHardDeadlineMissedAction(NoticeServices notices) : IActionHandler
{
    public string Name => ActionNames.NotifyHardDeadlineMissed;

    public static string DeadlineId(string handoverInstanceId) => handoverInstanceId + "/hard-deadline-missed";

    public async Task<JsonElement?> ExecuteAsync(ActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = NoticeServices.Input<Kim.Core.Workflows.Payloads.CaseReference>(request);
        if (await notices.ReadStateAsync<CaseWorkflowState>(input.CaseId, cancellationToken) is not { } state)
        {
            return notices.Skip(request, "the case no longer exists");
        }

        // The case's summary of the handover holds the deadline; the handover itself if the summary lags.
        var hardDeadline = state.Handovers.Find(h => h.InstanceId == request.InstanceId)?.HardDeadline
            ?? (await notices.ReadStateAsync<HandoverWorkflowState>(request.InstanceId, cancellationToken))?.HardDeadline;
        if (hardDeadline is not { } deadline)
        {
            return notices.Skip(request, "the handover no longer exists");
        }

        var recipients = (await notices.CaseManagersAsync(state, cancellationToken))
            .Concat(await notices.CoordinatorsAsync(state, cancellationToken))
            .ToList();
        if (recipients.Count == 0)
        {
            return notices.Skip(request, $"nobody of municipality {state.Municipality} or its district has an e-mail address");
        }

        var notice = new HardDeadlineMissedNotice(new CaseReference(state.CaseId), new MunicipalityId(state.Municipality), deadline);
        var result = await notices.SendAsync(
            request, MailKind.DeadlineNotice, DeadlineId(request.InstanceId), recipients, to => notices.Templates.HardDeadlineMissed(to, notice), cancellationToken);
        return KimJson.ToElement(result);
    }
}
