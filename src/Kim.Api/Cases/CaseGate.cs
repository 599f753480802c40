using System.Text.Json;
using System.Text.RegularExpressions;
using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows;

namespace Kim.Api.Cases;

/// <summary>
/// The one way into a case from the staff API: finds the case within the caller's municipality
/// (another municipality's case is answered exactly like a missing one), writes the access log,
/// raises events on the case or one of its children, and turns the workflows' rejections into problems.
/// </summary>
public sealed partial class CaseGate(
    WorkflowClient workflows, IAuditLog audit, TimeProvider time, IHttpContextAccessor requests, ILogger<CaseGate> logger)
{
    public WorkflowClient Workflows => workflows;

    /// <summary>The case, when it exists and belongs to the caller's municipality; null otherwise.</summary>
    public async Task<InstanceSnapshot?> FindCaseAsync(StaffMember staff, string caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (!InstanceIds.IsValid(caseId) || !InstanceIds.IsRoot(caseId))
        {
            return null;
        }

        var snapshot = await workflows.GetAsync(caseId, cancellationToken);
        return IsCallersCase(staff, snapshot) ? snapshot : null;
    }

    /// <summary>
    /// The case and its referrals and handovers, read in one partition query, when the case belongs
    /// to the caller's municipality; the read is logged. Null otherwise.
    /// </summary>
    public async Task<IReadOnlyList<InstanceSnapshot>?> ReadPartitionAsync(StaffMember staff, string caseId, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (!InstanceIds.IsValid(caseId) || !InstanceIds.IsRoot(caseId))
        {
            return null;
        }

        var partition = await workflows.ListPartitionAsync(caseId, cancellationToken);
        if (!IsCallersCase(staff, partition.FirstOrDefault(i => i.InstanceId == caseId)))
        {
            return null;
        }

        await AuditAsync(staff, caseId, CaseAuditActions.Read, target, cancellationToken);
        return partition;
    }

    /// <summary>
    /// The case and its referrals and handovers when the case belongs to the caller's district: the
    /// scope of the district-wide roles (administrator, data-protection officer). Null otherwise, so
    /// that another district's case is answered exactly like a missing one. Nothing is logged here.
    /// </summary>
    public async Task<IReadOnlyList<InstanceSnapshot>?> FindDistrictCaseAsync(
        StaffMember staff, string caseId, IAccessDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(directory);
        if (!InstanceIds.IsValid(caseId) || !InstanceIds.IsRoot(caseId))
        {
            return null;
        }

        var partition = await workflows.ListPartitionAsync(caseId, cancellationToken);
        return partition.FirstOrDefault(i => i.InstanceId == caseId) is { Workflow: CaseWorkflow.WorkflowName } root
            && root.StateAs<CaseWorkflowState>() is { } state
            && await directory.DistrictOfCaseAsync(state, cancellationToken) == staff.District
                ? partition
                : null;
    }

    /// <summary>
    /// The answer to a request that failed its checks: 404 when the case is not the caller's (so a
    /// stranger learns nothing from validation), else 422 with the failing fields; null when it passed.
    /// </summary>
    public async Task<IResult?> RefuseAsync(StaffMember staff, string caseId, RequestChecks checks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checks);
        if (checks.IsEmpty)
        {
            return null;
        }

        return await FindCaseAsync(staff, caseId, cancellationToken) is null
            ? CaseResults.CaseNotFound()
            : KimProblems.Validation(checks.Errors).ToResult();
    }

    /// <summary>Appends to the case's audit chain: the caller, now, the route of the current request, what was done to what.</summary>
    public Task AuditAsync(StaffMember staff, string caseId, string action, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return audit.RecordAsync(
            new AuditEntry(caseId, time.GetUtcNow(), staff.Id, action, target, staff.District, AuditRoute.Of(requests.HttpContext)), cancellationToken);
    }

    /// <summary>Finds the case, logs the read and answers 404 when it is not the caller's.</summary>
    public async Task<InstanceSnapshot?> ReadCaseAsync(StaffMember staff, string caseId, string target, CancellationToken cancellationToken)
    {
        var snapshot = await FindCaseAsync(staff, caseId, cancellationToken);
        if (snapshot is not null)
        {
            await AuditAsync(staff, caseId, CaseAuditActions.Read, target, cancellationToken);
        }

        return snapshot;
    }

    /// <summary>
    /// Raises <paramref name="eventName"/> on the case, or on the child <paramref name="instanceId"/> of
    /// the case (a referral <c>{caseId}:r-1</c> or handover <c>{caseId}:h-1</c> of <paramref name="childWorkflow"/>).
    /// </summary>
    public async Task<CaseCommandResult> RaiseAsync(
        StaffMember staff,
        string caseId,
        string eventName,
        JsonElement payload,
        CancellationToken cancellationToken,
        string? instanceId = null,
        string? childWorkflow = null)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return await FindCaseAsync(staff, caseId, cancellationToken) is null
            ? new CaseCommandResult(null, CaseResults.CaseNotFound())
            : await RaiseOnFoundCaseAsync(staff, caseId, eventName, payload, cancellationToken, instanceId, childWorkflow);
    }

    /// <summary>As <see cref="RaiseAsync"/>, for a case the caller has just found with <see cref="FindCaseAsync"/>.</summary>
    public async Task<CaseCommandResult> RaiseOnFoundCaseAsync(
        StaffMember staff,
        string caseId,
        string eventName,
        JsonElement payload,
        CancellationToken cancellationToken,
        string? instanceId = null,
        string? childWorkflow = null)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var target = instanceId ?? caseId;
        if (instanceId is not null && !await IsChildAsync(caseId, instanceId, childWorkflow, cancellationToken))
        {
            return new CaseCommandResult(null, KimProblems.NotFound($"The case has no {childWorkflow} '{instanceId}'.").ToResult());
        }

        var eventId = CommandIdempotency.EventIdOf(requests.HttpContext!, staff, out var badKey);
        if (badKey is not null)
        {
            return new CaseCommandResult(null, badKey);
        }

        await AuditAsync(staff, caseId, CaseAuditActions.Change, instanceId is null ? eventName : $"{eventName}:{instanceId}", cancellationToken);
        var result = await workflows.RaiseEventAsync(target, eventName, payload, staff.Id, eventId, cancellationToken);
        return eventId is not null && result.Outcome == WorkflowOutcome.Duplicate
            ? await RepeatAsync(result, target, eventName, eventId, payload, cancellationToken)
            : ToCommandResult(result, eventName, target, staff);
    }

    /// <summary>A command sent again under its <c>Idempotency-Key</c> (<see cref="CommandIdempotency"/>): nothing applied, answered as the first.</summary>
    private async Task<CaseCommandResult> RepeatAsync(
        WorkflowResult result, string target, string eventName, string eventId, JsonElement payload, CancellationToken cancellationToken)
    {
        if (await workflows.GetAppliedAsync(target, eventId, cancellationToken) is not { } first
            || !CommandIdempotency.IsSameCommand(first, eventName, payload))
        {
            return new CaseCommandResult(null, CommandIdempotency.Reused());
        }

        var later = 0;
        long? after = first.Sequence;
        while (after is { } from)
        {
            var page = await workflows.GetHistoryAsync(target, from, cancellationToken: cancellationToken);
            later += page.Entries.Count(e => e.Kind == "raised" && e.Data.TryGetProperty("name", out var name) && name.GetString() == eventName);
            after = page.NextAfterSequence;
        }

        return new CaseCommandResult(result.Instance, null, later);
    }

    /// <summary>Maps a start or raise answer; rejections become the problem the API contract names.</summary>
    public CaseCommandResult ToCommandResult(WorkflowResult result, string eventName, string instanceId, StaffMember staff)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(staff);
        switch (result.Outcome)
        {
            case WorkflowOutcome.Applied or WorkflowOutcome.Duplicate:
                return new CaseCommandResult(result.Instance, null);
            case WorkflowOutcome.NotFound:
                return new CaseCommandResult(null, KimProblems.NotFound().ToResult());
        }

        var rejection = result.Rejection ?? new WorkflowRejection("rejected", "The request was refused.");
        CaseLogs.Refused(logger, eventName, instanceId, staff.Id, rejection.Code);
        return new CaseCommandResult(result.Instance, ToProblem(rejection, eventName).ToResult());
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails ToProblem(WorkflowRejection rejection, string eventName)
    {
        Microsoft.AspNetCore.Mvc.ProblemDetails problem = rejection.Code switch
        {
            RejectionCodes.IllegalTransition or RuntimeRejections.NotRunning or RuntimeRejections.Suspended =>
                KimProblems.IllegalTransition(eventName, rejection.CurrentState ?? "ended"),
            RejectionCodes.InvalidPayload or RejectionCodes.UnsupportedHandover =>
                KimProblems.Validation(FieldErrors(rejection.Message)),
            RejectionCodes.UnknownConsent or RejectionCodes.UnknownFollowUp or RejectionCodes.UnknownStep =>
                KimProblems.NotFound(rejection.Message),
            _ => KimProblems.Conflict(rejection.Message),
        };
        if (rejection.Code == RejectionCodes.IllegalTransition && rejection.Message.Length > 0)
        {
            problem.Detail = rejection.Message;
        }

        problem.Extensions["code"] = rejection.Code;
        return problem;
    }

    /// <summary>
    /// A workflow's payload message as failing fields: the domain joins one message per field with
    /// "; " (<c>client.givenName is required …; client.familyName is required …</c>), each named by its API path.
    /// </summary>
    internal static Dictionary<string, string[]> FieldErrors(string message) =>
        message.Split("; ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .GroupBy(FieldOf, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// The field a workflow's payload message is about: the JSON path of a deserialisation error
    /// (<c>Path: $.reason</c>), else the leading name (<c>goals: …</c>, <c>note is required</c>).
    /// </summary>
    internal static string FieldOf(string message)
    {
        var path = JsonPath().Match(message);
        if (path.Success)
        {
            return path.Groups[1].Value;
        }

        var lead = LeadingName().Match(message);
        return lead.Success ? lead.Groups[1].Value : "body";
    }

    private static bool IsCallersCase(StaffMember staff, InstanceSnapshot? snapshot) =>
        snapshot is { Workflow: CaseWorkflow.WorkflowName }
        && snapshot.StateAs<CaseWorkflowState>() is { } state
        && staff.Municipality is not null
        && string.Equals(state.Municipality, staff.Municipality, StringComparison.Ordinal);

    private async Task<bool> IsChildAsync(string caseId, string instanceId, string? workflow, CancellationToken cancellationToken) =>
        InstanceIds.IsValid(instanceId)
        && !InstanceIds.IsRoot(instanceId)
        && InstanceIds.RootOf(instanceId) == caseId
        && await workflows.GetAsync(instanceId, cancellationToken) is { } child
        && (workflow is null || child.Workflow == workflow);

    [GeneratedRegex(@"Path: \$\.?([A-Za-z0-9_.\[\]]+)")]
    private static partial Regex JsonPath();

    [GeneratedRegex(@"^([a-z][A-Za-z0-9.]*)(?::| is | must | lies | has |$)")]
    private static partial Regex LeadingName();
}
