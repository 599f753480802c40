using System.Text.Json;
using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Api.Workflows;
using Kim.Core;
using Kim.Core.Workflows;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Api.Cases;

/// <summary>
/// Case work (API.md): contacts, barriers, consents, referrals on the staff side, handovers and
/// follow-ups. Referral and handover ids are the child instance ids (<c>c-…:r-1</c>, <c>c-…:h-1</c>);
/// the short id within the case (<c>r-1</c>) is taken too.
/// </summary>
public static class CaseWorkApi
{
    public static void Map(RouteGroupBuilder cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        Create(cases.MapPost("/{caseId}/contacts", (string caseId, ContactRequest request, HttpContext context, CaseGate gate, CancellationToken ct) =>
                AddAsync(caseId, "contacts", CaseEvents.RecordContact, request.Check(), request.AsPayload, (s, later) => s.Contacts[^(1 + later)].ContactId, context, gate, ct)))
            .WithName("RecordContact")
            .WithSummary("Record a contact with the client (at, channel, note); resets the no-contact alert");
        Create(cases.MapPost("/{caseId}/barriers", (string caseId, BarrierRequest request, HttpContext context, CaseGate gate, CancellationToken ct) =>
                AddAsync(caseId, "barriers", CaseEvents.RecordBarrier, request.Check(), request.AsPayload, (s, later) => s.Barriers[^(1 + later)].BarrierId, context, gate, ct)))
            .WithName("RecordBarrier")
            .WithSummary("Record an integration barrier (category, agency, description) for the steering group");
        Create(cases.MapPost("/{caseId}/consents", (string caseId, ConsentRequest request, HttpContext context, CaseGate gate, CancellationToken ct) =>
                AddAsync(caseId, "consents", CaseEvents.RecordConsent, request.Check(), request.AsPayload, (s, later) => s.Consents[^(1 + later)].ConsentId, context, gate, ct)))
            .WithName("RecordConsent")
            .WithSummary("Record a consent: recipient, purpose, data categories, form, validFrom, documentId of the signed form");
        Change(cases.MapPost("/{caseId}/consents/{consentId}/withdraw", (string caseId, string consentId, HttpContext context, CaseGate gate, CancellationToken ct) =>
                ChangeAsync(caseId, CaseEvents.WithdrawConsent, KimJson.ToElement(new { consentId }), context, gate, ct)))
            .WithName("WithdrawConsent")
            .WithSummary("Withdraw a consent: sharing under it stops at once, its open referrals are withdrawn");
        Create(cases.MapPost("/{caseId}/referrals", (string caseId, CreateReferralRequest request, HttpContext context, CaseGate gate, CancellationToken ct) =>
                AddAsync(caseId, "referrals", CaseEvents.CreateReferral, new RequestChecks(), request.AsPayload, (s, later) => s.Referrals[^(1 + later)].InstanceId, context, gate, ct)))
            .WithName("CreateReferral")
            .WithSummary("Refer the client to a partner (partnerId) or a service; optional respondBy; 409 without a consent naming the recipient");
        Change(cases.MapPost("/{caseId}/referrals/{referralId}/response", (string caseId, string referralId, ReferralAnswerRequest request, HttpContext context, CaseGate gate, CancellationToken ct) =>
                ChildAsync(caseId, referralId, ReferralWorkflow.WorkflowName, ReferralEvents.Respond, request.Check(), request.AsPayload, context, gate, ct)))
            .WithName("RecordReferralResponse")
            .WithSummary("Record a service's answer on its behalf: accepted, or rejected with a reason");
        Change(cases.MapPost("/{caseId}/referrals/{referralId}/withdraw", (string caseId, string referralId, [FromBody] ReasonRequest? request, HttpContext context, CaseGate gate, CancellationToken ct) =>
                ChildAsync(caseId, referralId, ReferralWorkflow.WorkflowName, ReferralEvents.Withdraw, new RequestChecks(), (request ?? new ReasonRequest()).AsPayload, context, gate, ct)))
            .WithName("WithdrawReferral")
            .WithSummary("Withdraw a referral");
        Change(cases.MapPost("/{caseId}/referrals/{referralId}/outcome", (string caseId, string referralId, OutcomeRequest request, HttpContext context, CaseGate gate, CancellationToken ct) =>
                ChildAsync(caseId, referralId, ReferralWorkflow.WorkflowName, ReferralEvents.Outcome, request.Check(), request.AsPayload, context, gate, ct)))
            .WithName("RecordReferralOutcome")
            .WithSummary("An accepted referral is done: successful, or not with a reason (client-refused, no-capacity, not-reachable, no-longer-needed)");
        cases.MapPost("/{caseId}/handovers", StartHandoverAsync)
            .WithName("StartHandover")
            .WithSummary("Start a legal-domain handover (from, to, triggerDate); target, hard deadline and steps are computed")
            .Produces<HandoverCreatedResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        Change(cases.MapPost("/{caseId}/handovers/{handoverId}/steps/{step}/confirm", (string caseId, string handoverId, string step, HttpContext context, CaseGate gate, CancellationToken ct) =>
                ChildAsync(caseId, handoverId, HandoverWorkflow.WorkflowName, HandoverEvents.ConfirmStep, new RequestChecks(), () => KimJson.ToElement(new { step }), context, gate, ct)))
            .WithName("ConfirmHandoverStep")
            .WithSummary("Confirm one step of a handover (residence-document, asylblg-end-confirmed, jobcentre-application, health-insurance, integration-course)");
        Create(cases.MapPost("/{caseId}/followups", (string caseId, CreateFollowUpRequest request, HttpContext context, CaseGate gate, CancellationToken ct) =>
                AddAsync(caseId, "followups", CaseEvents.AddFollowUp, request.Check(), request.AsPayload, (s, later) => s.FollowUps[^(1 + later)].FollowUpId, context, gate, ct)))
            .WithName("AddFollowUp")
            .WithSummary("A dated follow-up (dueAt: a day or an instant with offset; note)");
        Change(cases.MapPost("/{caseId}/followups/{followUpId}/done", (string caseId, string followUpId, HttpContext context, CaseGate gate, CancellationToken ct) =>
                ChangeAsync(caseId, CaseEvents.CompleteFollowUp, KimJson.ToElement(new { followUpId }), context, gate, ct)))
            .WithName("CompleteFollowUp")
            .WithSummary("Mark a follow-up done");
        MapItem(cases, "contacts", "contactId", "GetContact", r => r.Contacts, i => i.ContactId);
        MapItem(cases, "barriers", "barrierId", "GetBarrier", r => r.Barriers, i => i.BarrierId);
        MapItem(cases, "consents", "consentId", "GetConsent", r => r.Consents, i => i.ConsentId);
        MapItem(cases, "referrals", "referralId", "GetReferral", r => r.Referrals, i => i.ReferralId);
        MapItem(cases, "handovers", "handoverId", "GetHandover", r => r.Handovers, i => i.HandoverId);
        MapItem(cases, "followups", "followUpId", "GetFollowUp", r => r.FollowUps, i => i.FollowUpId);
    }

    /// <summary><c>GET /api/followups</c>: through the case list projection, each row re-checked against its case.</summary>
    public static async Task<IResult> ListFollowUpsAsync(
        HttpContext context, CaseListProjection caseList, CaseGate gate, TimingConfiguration timing, string? dueBefore, CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        DateTimeOffset? before = null;
        if (dueBefore is not null)
        {
            if (!timing.Calendar.TryParseDue(dueBefore, dayMeansEnd: true, out var parsed))
            {
                return KimProblems.Validation("dueBefore", "must be a day (2026-12-01) or an instant with offset").ToResult();
            }

            before = parsed;
        }

        var items = new List<FollowUpListItem>();
        foreach (var row in await caseList.WithOpenFollowUpsAsync(staff.Municipality!, staff.Id, before, cancellationToken))
        {
            // The row may lag: the case decides what is open and whose it is.
            var snapshot = await gate.FindCaseAsync(staff, row.CaseId, cancellationToken);
            if (snapshot?.StateAs<CaseWorkflowState>() is not { } state || state.Assignee != staff.Id)
            {
                continue;
            }

            var open = state.FollowUps
                .Where(f => f.DoneAt is null && (before is null || f.DueAt <= before))
                .Select(f => new FollowUpListItem(state.CaseId, f.FollowUpId, f.DueAt, f.Note))
                .ToList();
            if (open.Count > 0)
            {
                // The notes are case content: showing them is a read of the case.
                await gate.AuditAsync(staff, state.CaseId, CaseAuditActions.Read, "followups", cancellationToken);
                items.AddRange(open);
            }
        }

        return TypedResults.Ok(new ListResponse<FollowUpListItem>([.. items.OrderBy(i => i.DueAt).ThenBy(i => i.CaseId, StringComparer.Ordinal)], null));
    }

    /// <summary>
    /// <c>GET /api/cases/{caseId}/{collection}/{id}</c>: one item of the case, as the case answer
    /// shows it; the address a 201 names in its <c>Location</c>. Referral and handover ids are taken
    /// in full (<c>c-…:r-1</c>) or short (<c>r-1</c>).
    /// </summary>
    private static void MapItem<T>(
        RouteGroupBuilder cases, string collection, string idName, string operation, Func<CaseResponse, IReadOnlyList<T>> items, Func<T, string> idOf)
    {
        cases.MapGet($"/{{caseId}}/{collection}/{{{idName}}}", async (string caseId, HttpContext context, CaseGate gate, CancellationToken ct) =>
            {
                var id = (string)context.GetRouteValue(idName)!;
                var staff = context.GetStaffMember();
                if (await gate.ReadPartitionAsync(staff, caseId, collection, ct) is not { } partition
                    || partition.FirstOrDefault(i => i.InstanceId == caseId)?.StateAs<CaseWorkflowState>() is not { } state)
                {
                    return CaseResults.CaseNotFound();
                }

                var item = items(await state.AsResponseAsync(partition, gate.Workflows, ct)).FirstOrDefault(i => idOf(i) == id || idOf(i) == CaseIds.Child(caseId, id));
                return item is null
                    ? KimProblems.NotFound($"The case has no item '{id}' in {collection}.").ToResult()
                    : TypedResults.Ok(item);
            })
            .WithName(operation)
            .WithSummary($"One of the case's {collection}, as the case shows it")
            .Produces<T>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static RouteHandlerBuilder Create(RouteHandlerBuilder route) => route
        .Produces<CreatedResponse>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

    private static RouteHandlerBuilder Change(RouteHandlerBuilder route) => route
        .Produces<CaseResponse>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>
    /// Raises an event that adds an item to the case; answers 201 with the new item's id (the last of
    /// its list) and a <c>Location</c> naming the item itself: <c>/api/cases/{caseId}/{collection}/{id}</c>.
    /// </summary>
    private static async Task<IResult> AddAsync(
        string caseId,
        string collection,
        string eventName,
        RequestChecks checks,
        Func<JsonElement> payload,
        Func<CaseWorkflowState, int, string> newId,
        HttpContext context,
        CaseGate gate,
        CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        if (await gate.RefuseAsync(staff, caseId, checks, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await gate.RaiseAsync(staff, caseId, eventName, payload(), cancellationToken);
        if (result.Problem is not null)
        {
            return result.Problem;
        }

        var id = newId(result.Instance!.StateAs<CaseWorkflowState>()!, result.Later);
        return CaseResults.Created($"/api/cases/{CaseResults.Escape(caseId)}/{collection}/{CaseResults.Escape(id)}", id);
    }

    private static async Task<IResult> ChangeAsync(
        string caseId, string eventName, JsonElement payload, HttpContext context, CaseGate gate, CancellationToken cancellationToken)
    {
        var result = await gate.RaiseAsync(context.GetStaffMember(), caseId, eventName, payload, cancellationToken);
        return result.Problem ?? await CaseApi.CaseAnswerAsync(gate, caseId, cancellationToken);
    }

    private static async Task<IResult> ChildAsync(
        string caseId,
        string childId,
        string workflow,
        string eventName,
        RequestChecks checks,
        Func<JsonElement> payload,
        HttpContext context,
        CaseGate gate,
        CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        if (await gate.RefuseAsync(staff, caseId, checks, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await gate.RaiseAsync(staff, caseId, eventName, payload(), cancellationToken, CaseIds.Child(caseId, childId), workflow);
        return result.Problem ?? await CaseApi.CaseAnswerAsync(gate, caseId, cancellationToken);
    }

    private static async Task<IResult> StartHandoverAsync(
        string caseId, StartHandoverRequest request, HttpContext context, CaseGate gate, CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        var checks = request.Check();
        if (await gate.RefuseAsync(staff, caseId, checks, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await gate.RaiseAsync(staff, caseId, CaseEvents.StartHandover, request.AsPayload(), cancellationToken);
        if (result.Problem is not null)
        {
            return result.Problem;
        }

        var handover = result.Instance!.StateAs<CaseWorkflowState>()!.Handovers[^(1 + result.Later)].AsResponse();
        return TypedResults.Created(
            $"/api/cases/{CaseResults.Escape(caseId)}/handovers/{CaseResults.Escape(handover.HandoverId)}",
            new HandoverCreatedResponse(handover.HandoverId, handover.From, handover.To, handover.TriggerDate, handover.Target, handover.HardDeadline, handover.Steps));
    }
}
