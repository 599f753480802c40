using Kim.Api.Access;
using Kim.Api.Cases;
using Kim.Api.Http;
using Kim.Core;
using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Kim.Core.Workflows.Payloads;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kim.Api.Partners;

/// <summary>
/// The partner's referral routes (API.md): read a referral sent to you, and answer it. The id is the
/// referral instance's (<c>{caseId}:r-1</c>); whose it is, the instance itself says, so no index is
/// needed. Every read and answer is written to the case's access log.
/// </summary>
public static class PartnerReferralApi
{

    public static IEndpointRouteBuilder MapKimPartnerReferrals(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapKimPartnerGroup("/api/referrals").WithTags("Referrals (partner)");
        group.MapGet("/{referralId}", GetAsync)
            .WithName("GetPartnerReferral")
            .WithSummary("A referral sent to you")
            .WithDescription(
                "What the referral asks (purpose, respondBy, the municipality, the case manager's e-mail) and exactly the client " +
                "data its consent covers: identity → names, date of birth, languages; contact → phone, e-mail; residence → " +
                "residence status and document expiry; benefits → legal domains and benefit period end; needs → life domains " +
                "(health only with the health category); the needs text only with both needs and health, because free text may hold " +
                "health data. The reason is only the partner's own reason for its rejection; a withdrawal's reason is never sent. After the consent is withdrawn the state is " +
                "'withdrawn' and no client data are sent. A referral sent to someone else, or unknown, is 404.")
            .Produces<PartnerReferralView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{referralId}/response", RespondAsync)
            .WithName("AnswerPartnerReferral")
            .WithSummary("Accept or reject a referral sent to you")
            .WithDescription("{ decision: accepted | rejected, reason? }; a rejection needs a reason. 409 with currentState when the referral was already answered or withdrawn.")
            .Accepts<PartnerReferralAnswer>("application/json")
            .Produces<PartnerReferralView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return endpoints;
    }

    private static async Task<Results<Ok<PartnerReferralView>, ProblemHttpResult>> GetAsync(
        HttpContext context,
        string referralId,
        WorkflowClient workflows,
        IAccessDirectory directory,
        IAuditLog audit,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var partner = context.GetPartner();
        var logger = loggerFactory.CreateLogger(typeof(PartnerReferralApi));
        var found = await FindAsync(partner, referralId, workflows, cancellationToken);
        if (found is null)
        {
            PartnerLogs.ReferralNotFound(logger, partner.Id, referralId);
            return NotFound();
        }

        var view = await ViewAsync(partner.Id, found.Value.Referral, found.Value.Case, directory, time, cancellationToken);
        await audit.RecordAsync(
            new AuditEntry(found.Value.Case.CaseId, time.GetUtcNow(), Actors.Partner(partner.Id), "read", "referral:" + found.Value.Referral.ShortId,
                partner.District, AuditRoute.Of(context)),
            cancellationToken);
        PartnerLogs.ReferralRead(logger, partner.Id, view.ReferralId, KimJson.Name(view.State), string.Join(',', view.Categories.Select(KimJson.Name)));
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<PartnerReferralView>, ProblemHttpResult>> RespondAsync(
        HttpContext context,
        string referralId,
        PartnerReferralAnswer answer,
        WorkflowClient workflows,
        IAccessDirectory directory,
        IAuditLog audit,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var partner = context.GetPartner();
        var logger = loggerFactory.CreateLogger(typeof(PartnerReferralApi));
        var found = await FindAsync(partner, referralId, workflows, cancellationToken);
        if (found is null)
        {
            PartnerLogs.ReferralNotFound(logger, partner.Id, referralId);
            return NotFound();
        }

        var decision = answer.Decision?.Trim().ToLowerInvariant() switch
        {
            "accepted" => ReferralDecision.Accepted,
            "rejected" => ReferralDecision.Rejected,
            _ => (ReferralDecision?)null,
        };
        if (decision is null)
        {
            return TypedResults.Problem(KimProblems.Validation("decision", "must be accepted or rejected"));
        }

        if (decision == ReferralDecision.Rejected && string.IsNullOrWhiteSpace(answer.Reason))
        {
            return TypedResults.Problem(KimProblems.Validation("reason", "is required for a rejection"));
        }

        if (answer.Reason is { Length: > KimLimits.TextLength })
        {
            return TypedResults.Problem(KimProblems.Validation("reason", $"must be at most {KimLimits.TextLength} characters"));
        }

        var (referral, caseState) = found.Value;
        var current = PartnerState(referral, ConsentOf(referral, caseState));
        if (current != ReferralState.Sent)
        {
            PartnerLogs.AnswerRefused(logger, partner.Id, referral.ReferralId, KimJson.Name(current));
            return TypedResults.Problem(KimProblems.IllegalTransition(ReferralEvents.Respond, KimJson.Name(current)));
        }

        var actor = Actors.Partner(partner.Id);
        var result = await workflows.RaiseEventAsync(
            referral.ReferralId,
            ReferralEvents.Respond,
            KimJson.ToElement(new RespondPayload(decision.Value, answer.Reason?.Trim())),
            actor,
            cancellationToken: cancellationToken);
        if (result.Outcome is WorkflowOutcome.Rejected or WorkflowOutcome.NotFound)
        {
            if (result.Rejection?.Code == RejectionCodes.InvalidPayload)
            {
                return TypedResults.Problem(KimProblems.Validation("decision", result.Rejection.Message));
            }

            // Someone else was quicker (the case manager on the partner's behalf, a withdrawal).
            var now = result.Instance?.StateAs<ReferralWorkflowState>()?.State ?? referral.State;
            PartnerLogs.AnswerRefused(logger, partner.Id, referral.ReferralId, KimJson.Name(now));
            return TypedResults.Problem(KimProblems.IllegalTransition(ReferralEvents.Respond, KimJson.Name(now)));
        }

        await audit.RecordAsync(
            new AuditEntry(caseState.CaseId, time.GetUtcNow(), actor, "change", $"referral:{referral.ShortId}:{ReferralEvents.Respond}", partner.District, AuditRoute.Of(context)),
            cancellationToken);
        PartnerLogs.ReferralAnswered(logger, partner.Id, referral.ReferralId, KimJson.Name(decision.Value));
        var answered = result.Instance?.StateAs<ReferralWorkflowState>() ?? referral;
        return TypedResults.Ok(await ViewAsync(partner.Id, answered, caseState, directory, time, cancellationToken));
    }

    /// <summary>The referral and its case, when the referral exists and was sent to <paramref name="partner"/>.</summary>
    private static async Task<(ReferralWorkflowState Referral, CaseWorkflowState Case)?> FindAsync(
        Partner partner, string referralId, WorkflowClient workflows, CancellationToken cancellationToken)
    {
        // Routing has decoded the segment once already ('%3A' arrives as ':'); decoding again would let '%253A' through.
        var id = referralId;
        if (!InstanceIds.IsValid(id) || InstanceIds.IsRoot(id))
        {
            return null;
        }

        var instance = await workflows.GetAsync(id, cancellationToken);
        if (instance is null || instance.Workflow != ReferralWorkflow.WorkflowName
            || instance.StateAs<ReferralWorkflowState>() is not { } referral
            || !string.Equals(referral.PartnerId, partner.Id, StringComparison.Ordinal))
        {
            return null;
        }

        var caseInstance = await workflows.GetAsync(referral.CaseId, cancellationToken);
        return caseInstance?.StateAs<CaseWorkflowState>() is { } caseState ? (referral, caseState) : null;
    }

    private static Consent? ConsentOf(ReferralWorkflowState referral, CaseWorkflowState caseState) =>
        caseState.Consents.Find(c => c.ConsentId == referral.ConsentId);

    /// <summary>
    /// The referral's state as its partner sees it. The consent decides now: a withdrawn consent shows
    /// an open referral as withdrawn before the case's withdrawal reaches the referral through the queue.
    /// </summary>
    private static ReferralState PartnerState(ReferralWorkflowState referral, Consent? consent) =>
        (consent is null || consent.WithdrawnAt is not null) && referral.State is ReferralState.Sent or ReferralState.Accepted
            ? ReferralState.Withdrawn
            : referral.State;

    private static async Task<PartnerReferralView> ViewAsync(
        string partnerId,
        ReferralWorkflowState referral, CaseWorkflowState caseState, IAccessDirectory directory, TimeProvider time, CancellationToken cancellationToken)
    {
        var consent = ConsentOf(referral, caseState);
        var today = WorkingCalendar.Nrw.LocalDate(time.GetUtcNow());
        var state = PartnerState(referral, consent);

        // Need to know: the partner gets the client's data only while it works on the referral (sent or
        // accepted, in an open case); once it has rejected or finished it, or the case has ended, it
        // sees the referral's own fields only.
        var live = (referral.State is ReferralState.Sent or ReferralState.Accepted) && caseState.State.IsOpen();
        IReadOnlyList<DataCategory> categories = live && state != ReferralState.Withdrawn && consent!.IsActiveOn(today)
            ? [.. consent.Categories.Distinct()]
            : [];
        var shared = categories.Count == 0 ? SharedData.Nothing : ReferralDataShare.Select(categories, caseState.Client, caseState.Needs);

        PartnerReferralContact? caseManager = null;
        if (caseState.Assignee is { } assignee && await directory.FindStaffAsync(assignee, cancellationToken) is { } staff)
        {
            caseManager = new PartnerReferralContact(staff.DisplayName, staff.Email);
        }

        return new PartnerReferralView(
            referral.ReferralId,
            referral.Purpose,
            state,
            referral.RespondBy,
            referral.CreatedAt,
            referral.RespondedAt,
            ReferralDataShare.AnswerReason(referral, partnerId),
            caseState.Municipality,
            caseManager,
            categories,
            shared.Client,
            shared.Needs);
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(KimProblems.NotFound("No referral sent to you has this id."));
}
