using System.Text.Json;
using Kim.Api.Access;
using Kim.Api.Workflows;
using Kim.Core;
using Kim.Core.Mail;
using Kim.Core.Records;
using Kim.Core.Workflows;

namespace Kim.Api.Notices;

/// <summary>
/// What the notice actions share: reading the case and its children, finding recipients in the
/// access directory, and sending through <see cref="MailDispatcher"/> once per delivery key.
/// </summary>
/// <remarks>
/// Recipients follow the digest's rule (<see cref="DigestRouting"/>): the case's assignee if they are
/// a case manager of the case's municipality, else every case manager of that municipality.
/// A recipient that cannot be found (no case managers, a partner unknown or without an address) is
/// logged and the action completes with <see cref="NoticeResult.Skipped"/>: retrying would not make
/// the address appear, and the alert itself stays open in the case (and the digest lists what is due).
/// </remarks>
public sealed class NoticeServices(
    IServiceProvider services,
    IAccessDirectory directory,
    MailDispatcher dispatcher,
    MailTemplates templates,
    TimingConfiguration timing,
    TimeProvider timeProvider,
    ILogger<NoticeServices> logger)
{
    public MailTemplates Templates => templates;

    public WorkingCalendar Calendar => timing.Calendar;

    public ILogger Logger => logger;

    public IAccessDirectory Directory => directory;

    // The runtime is built with the action handlers, so they cannot take its client in their
    // constructors: it is resolved on first use.
    private WorkflowClient Workflows => services.GetRequiredService<WorkflowClient>();

    public TimeProvider Time => timeProvider;

    public static T Input<T>(ActionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Input is { ValueKind: JsonValueKind.Object } input
            ? KimJson.FromElement<T>(input)
            : throw new InvalidOperationException($"Action {request.ActionId} of {request.InstanceId} has no input.");
    }

    public async Task<T?> ReadStateAsync<T>(string instanceId, CancellationToken cancellationToken)
        where T : class =>
        (await Workflows.GetAsync(instanceId, cancellationToken))?.StateAs<T>();

    /// <summary>The case's assignee, or every case manager of its municipality; empty when none is known.</summary>
    public async Task<IReadOnlyList<MailAddress>> CaseManagersAsync(CaseWorkflowState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        StaffMember? assignee = state.Assignee is { } id ? await directory.FindStaffAsync(id, cancellationToken) : null;
        if (assignee is { Active: true, Role: StaffRole.CaseManager } && assignee.Municipality == state.Municipality && AddressOf(assignee) is { } address)
        {
            return [address];
        }

        if ((state.District ?? assignee?.District) is not { } district)
        {
            return [];
        }

        var staff = await directory.ListStaffAsync(district, state.Municipality, StaffRole.CaseManager, cancellationToken);
        return [.. staff.Select(AddressOf).OfType<MailAddress>()];
    }

    /// <summary>The coordinators of the case's district (the assignee's district when the case names none).</summary>
    public async Task<IReadOnlyList<MailAddress>> CoordinatorsAsync(CaseWorkflowState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (await directory.DistrictOfCaseAsync(state, cancellationToken) is not { } district)
        {
            return [];
        }

        var staff = await directory.ListStaffAsync(district, null, StaffRole.Coordinator, cancellationToken);
        return [.. staff.Select(AddressOf).OfType<MailAddress>()];
    }

    /// <summary>The partner's address, or null when the partner is unknown or has no usable one.</summary>
    public async Task<MailAddress?> PartnerAsync(string partnerId, CancellationToken cancellationToken) =>
        await directory.FindPartnerAsync(partnerId, cancellationToken) is { } partner ? MailAddress.TryCreate(partner.Email) : null;

    /// <summary>A staff member's address, or null (logged) when the record holds none that works.</summary>
    public MailAddress? AddressOf(StaffMember staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var address = MailAddress.TryCreate(staff.Email);
        if (address is null)
        {
            NoticeLogs.StaffWithoutAddress(logger, staff.Id);
        }

        return address;
    }

    /// <summary>
    /// Sends one mail per recipient, each once per (<paramref name="kind"/>, <paramref name="deadlineId"/>,
    /// recipient). Tries every recipient; then throws if any failed or is being sent by another attempt
    /// right now, so that the action runs again (those already sent are skipped by the ledger).
    /// </summary>
    public async Task<NoticeResult> SendAsync(
        ActionRequest request,
        MailKind kind,
        string deadlineId,
        IEnumerable<MailAddress> recipients,
        Func<MailAddress, MailMessage> compose,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(compose);
        int sent = 0, before = 0, busy = 0;
        var failures = new List<Exception>();
        foreach (var to in recipients.DistinctBy(r => r.Email.ToLowerInvariant()))
        {
            try
            {
                switch (await dispatcher.SendOnceAsync(MailDeliveryKey.ForDeadline(kind, to, deadlineId), compose(to), cancellationToken))
                {
                    case MailDeliveryOutcome.Sent:
                        sent++;
                        break;
                    case MailDeliveryOutcome.AlreadySent:
                        before++;
                        break;
                    default:
                        busy++;
                        break;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failures.Add(exception);
            }
        }

        NoticeLogs.Sent(logger, request.ActionId, request.InstanceId, sent, before);
        if (failures.Count > 0)
        {
            throw new AggregateException($"{failures.Count} mail(s) of action {request.ActionId} failed; the action runs again.", failures);
        }

        if (busy > 0)
        {
            // Another attempt holds the claim: notices are at least once, so this attempt fails and
            // a later one takes a stale claim over (MailDeliveryPolicy) instead of trusting it.
            throw new InvalidOperationException($"{busy} mail(s) of action {request.ActionId} are being sent by another attempt.");
        }

        return new NoticeResult(sent, before);
    }

    public JsonElement? Skip(ActionRequest request, string reason)
    {
        ArgumentNullException.ThrowIfNull(request);
        NoticeLogs.Skipped(logger, request.ActionId, request.InstanceId, reason);
        return KimJson.ToElement(NoticeResult.Skip(reason));
    }
}
