using System.Text.Json;
using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Api.Cases;

/// <summary>
/// The case manager's routes on a case itself (API.md): open, list, read, correct, timeline, assign
/// and the transitions. Case work (contacts, consents, referrals …) is in <see cref="CaseWorkApi"/>,
/// documents in <see cref="CaseDocumentApi"/>.
/// </summary>
public static class CaseApi
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapKimCases(this IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapKimStaffGroup("/api/cases", KimPolicies.CaseManager).WithTags("Cases");
        cases.MapPost(string.Empty, CreateAsync)
            .WithName("OpenCase")
            .WithSummary("Open a case directly (a client who walked in); the municipality is the caller's")
            .Accepts<CreateCaseRequest>("application/json")
            .Produces<CreatedResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        cases.MapGet(string.Empty, ListAsync)
            .WithName("ListCases")
            .WithSummary("Cases of the caller's municipality; filters state, assignee, overdue; paged with continuationToken")
            .Produces<ListResponse<CaseListItem>>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        cases.MapGet("/{caseId}", GetAsync)
            .WithName("GetCase")
            .WithSummary("The case with client data, needs, goals, consents, referrals, handovers, follow-ups, barriers and next due date")
            .Produces<CaseResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPatch("/{caseId}/client", (string caseId, [FromBody] JsonElement patch, HttpContext context, CaseGate gate, CancellationToken ct) =>
                PatchAsync(caseId, CaseEvents.UpdateClient, patch, context, gate, ct))
            .WithName("PatchCaseClient")
            .WithSummary("Correct client data with a JSON merge patch (incl. residenceDocumentExpires, benefitPeriodEnds)")
            .Accepts<ClientRequest>("application/merge-patch+json", "application/json")
            .Produces<CaseResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        cases.MapPatch("/{caseId}/needs", (string caseId, [FromBody] JsonElement patch, HttpContext context, CaseGate gate, CancellationToken ct) =>
                PatchAsync(caseId, CaseEvents.UpdateNeeds, patch, context, gate, ct))
            .WithName("PatchCaseNeeds")
            .WithSummary("Correct the needs with a JSON merge patch")
            .Accepts<NeedsRequest>("application/merge-patch+json", "application/json")
            .Produces<CaseResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        cases.MapGet("/{caseId}/timeline", GetTimelineAsync)
            .WithName("GetCaseTimeline")
            .WithSummary("Every applied event of the case and its referrals and handovers, oldest first, with actor and time")
            .Produces<ListResponse<TimelineEntry>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{caseId}/assign", AssignAsync)
            .WithName("AssignCase")
            .WithSummary("Assign a case manager of the municipality")
            .Produces<CaseResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        cases.MapPost("/{caseId}/transitions/{transition}", TransitionAsync)
            .WithName("TransitionCase")
            .WithSummary("start-clearing, accept, decline (reason), complete-assessment, agree-plan (goals), close (reason), reopen; an illegal one is 409 with currentState")
            .Produces<CaseResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        CaseWorkApi.Map(cases);
        CaseDocumentApi.Map(cases);

        var followUps = endpoints.MapKimStaffGroup("/api/followups", KimPolicies.CaseManager).WithTags("Cases");
        followUps.MapGet(string.Empty, CaseWorkApi.ListFollowUpsAsync)
            .WithName("ListFollowUps")
            .WithSummary("The caller's open follow-ups on the cases assigned to them; filter dueBefore (a day or an instant)")
            .Produces<ListResponse<FollowUpListItem>>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    /// <summary>The case as it is now, with its children read in the same partition query.</summary>
    internal static async Task<IResult> CaseAnswerAsync(CaseGate gate, string caseId, CancellationToken cancellationToken) =>
        await CaseAnswerAsync(gate, caseId, await gate.Workflows.ListPartitionAsync(caseId, cancellationToken), cancellationToken);

    private static async Task<IResult> CaseAnswerAsync(CaseGate gate, string caseId, IReadOnlyList<InstanceSnapshot> partition, CancellationToken cancellationToken) =>
        partition.FirstOrDefault(i => i.InstanceId == caseId)?.StateAs<CaseWorkflowState>() is { } state
            ? TypedResults.Ok(await state.AsResponseAsync(partition, gate.Workflows, cancellationToken))
            : CaseResults.CaseNotFound();

    private static async Task<IResult> CreateAsync(
        CreateCaseRequest request, HttpContext context, CaseGate gate, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        var checks = request.Check();
        if (!checks.IsEmpty)
        {
            return KimProblems.Validation(checks.Errors).ToResult();
        }

        var caseId = CaseIds.New();
        var started = await gate.Workflows.StartAsync(
            caseId, CaseWorkflow.WorkflowName, request.AsStartInput(staff.Municipality!, staff.District), staff.Id, cancellationToken);
        var result = gate.ToCommandResult(started, "open", caseId, staff);
        if (!result.Succeeded)
        {
            return result.Problem!;
        }

        await gate.AuditAsync(staff, caseId, CaseAuditActions.Change, "open", cancellationToken);
        CaseLogs.CaseOpened(loggers.CreateLogger(typeof(CaseApi)), caseId, staff.Id);
        return CaseResults.Created($"/api/cases/{CaseResults.Escape(caseId)}", caseId);
    }

    private static async Task<IResult> ListAsync(
        HttpContext context,
        CaseListProjection caseList,
        string? state,
        string? assignee,
        bool? overdue,
        string? continuationToken,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (state is not null && !Enum.GetValues<CaseState>().Any(s => s.ToName() == state))
        {
            errors["state"] = [$"is not one of {string.Join(", ", Enum.GetValues<CaseState>().Select(s => s.ToName()))}"];
        }

        if (continuationToken is not null && !(InstanceIds.IsValid(continuationToken) && InstanceIds.IsRoot(continuationToken)))
        {
            errors["continuationToken"] = ["is not a token this list gave out"];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"must be between 1 and {MaxPageSize}"];
        }

        if (errors.Count > 0)
        {
            return KimProblems.Validation(errors).ToResult();
        }

        var (rows, next) = await caseList.ListAsync(
            new CaseListQuery(staff.Municipality!, state, assignee, overdue, continuationToken, pageSize ?? DefaultPageSize), cancellationToken);
        return TypedResults.Ok(new ListResponse<CaseListItem>([.. rows.Select(r => r.AsItem())], next));
    }

    private static async Task<IResult> GetAsync(string caseId, HttpContext context, CaseGate gate, CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        return await gate.ReadPartitionAsync(staff, caseId, "case", cancellationToken) is { } partition
            ? await CaseAnswerAsync(gate, caseId, partition, cancellationToken)
            : CaseResults.CaseNotFound();
    }

    private static async Task<IResult> PatchAsync(
        string caseId, string eventName, JsonElement patch, HttpContext context, CaseGate gate, CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        if (patch.ValueKind != JsonValueKind.Object)
        {
            return await gate.FindCaseAsync(staff, caseId, cancellationToken) is null
                ? CaseResults.CaseNotFound()
                : KimProblems.Validation("body", "a JSON merge patch is an object").ToResult();
        }

        var result = await gate.RaiseAsync(staff, caseId, eventName, patch, cancellationToken);
        return result.Problem ?? await CaseAnswerAsync(gate, caseId, cancellationToken);
    }

    private static async Task<IResult> GetTimelineAsync(string caseId, HttpContext context, CaseGate gate, CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        if (await gate.ReadPartitionAsync(staff, caseId, "timeline", cancellationToken) is not { } partition)
        {
            return CaseResults.CaseNotFound();
        }

        var items = await TimelineAsync(gate.Workflows, caseId, partition, cancellationToken);
        return TypedResults.Ok(new ListResponse<TimelineEntry>(items, null));
    }

    private static async Task<IResult> AssignAsync(
        string caseId, AssignRequest request, HttpContext context, CaseGate gate, IAccessDirectory directory, CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        if (await gate.FindCaseAsync(staff, caseId, cancellationToken) is null)
        {
            return CaseResults.CaseNotFound();
        }

        var checks = request.Check();
        if (!checks.IsEmpty)
        {
            return KimProblems.Validation(checks.Errors).ToResult();
        }

        var assignee = await directory.FindStaffAsync(request.CaseManagerId!, cancellationToken);
        if (assignee is not { Active: true, Role: StaffRole.CaseManager } || assignee.Municipality != staff.Municipality)
        {
            return KimProblems.Validation("caseManagerId", "is not a case manager of your municipality").ToResult();
        }

        var result = await gate.RaiseOnFoundCaseAsync(staff, caseId, CaseEvents.Assign, Kim.Core.KimJson.ToElement(new { caseManagerId = assignee.Id }), cancellationToken);
        return result.Problem ?? await CaseAnswerAsync(gate, caseId, cancellationToken);
    }

    private static async Task<IResult> TransitionAsync(
        string caseId, string transition, [FromBody] TransitionRequest? request, HttpContext context, CaseGate gate, CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        if (!CaseEvents.Transitions.Contains(transition))
        {
            return KimProblems.NotFound($"There is no transition '{transition}'; the transitions are {string.Join(", ", CaseEvents.Transitions)}.").ToResult();
        }

        var result = await gate.RaiseAsync(staff, caseId, transition, (request ?? new TransitionRequest()).AsPayload(), cancellationToken);
        return result.Problem ?? await CaseAnswerAsync(gate, caseId, cancellationToken);
    }

    /// <summary>
    /// Every applied event of the case and its referrals and handovers (the instances of
    /// <paramref name="partition"/>), oldest first, the case's own first at the same instant.
    /// </summary>
    internal static async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(
        WorkflowClient workflows, string caseId, IReadOnlyList<InstanceSnapshot> partition, CancellationToken cancellationToken)
    {
        var entries = new List<(HistoryEntry Entry, int Order)>();
        foreach (var instance in partition)
        {
            long after = 0;
            HistoryPage page;
            do
            {
                page = await workflows.GetHistoryAsync(instance.InstanceId, after, 500, cancellationToken);
                entries.AddRange(page.Entries.Select(e => (e, instance.InstanceId == caseId ? 0 : 1)));
                after = page.NextAfterSequence ?? 0;
            }
            while (page.NextAfterSequence is not null);
        }

        return [.. entries
            .OrderBy(e => e.Entry.At)
            .ThenBy(e => e.Order)
            .ThenBy(e => e.Entry.InstanceId, StringComparer.Ordinal)
            .ThenBy(e => e.Entry.Sequence)
            .Select(e => AsTimelineEntry(e.Entry))];
    }

    /// <summary>A raised event shows its name and payload; anything else its kind and the whole event.</summary>
    private static TimelineEntry AsTimelineEntry(HistoryEntry entry)
    {
        var data = entry.Data;
        string type = entry.Kind;
        JsonElement? shown = data;
        if (data.ValueKind == JsonValueKind.Object)
        {
            if (data.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && entry.Kind == "raised")
            {
                type = name.GetString()!;
                shown = data.TryGetProperty("payload", out var payload) ? payload : null;
            }
            else if (entry.Kind == "started" && data.TryGetProperty("input", out var input))
            {
                shown = input;
            }
        }

        return new TimelineEntry(entry.EventId, entry.At, entry.Actor, type, shown, entry.InstanceId);
    }
}
