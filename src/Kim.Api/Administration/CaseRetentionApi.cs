using System.Text.Json;
using Kim.Api.Access;
using Kim.Api.Cases;
using Kim.Api.Http;
using Kim.Core;
using Kim.Core.Workflows;
using Kim.Core.Workflows.Payloads;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Api.Administration;

/// <summary>
/// The administrator's routes on a case's deletion (API.md, "Administration and reporting";
/// DOMAIN.md, "Data protection"): a legal hold stops the retention deletion until it is lifted,
/// and an ended case can be deleted at once on request (Art. 17 GDPR). A case of another district
/// is answered like a missing one (404).
/// </summary>
public static class CaseRetentionApi
{
    public static IEndpointRouteBuilder MapKimCaseRetention(this IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapKimStaffGroup("/api/admin/cases", KimPolicies.Administrator).WithTags("Data protection");
        cases.MapPost("/{caseId}/legal-hold", HoldAsync)
            .WithName("SetLegalHold")
            .WithSummary("Stop the case's retention deletion: { \"reason\" } (required, at most 4000 characters; kept in the timeline)")
            .Accepts<LegalHoldRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        cases.MapDelete("/{caseId}/legal-hold", LiftAsync)
            .WithName("LiftLegalHold")
            .WithSummary("Allow the retention deletion again, optionally with { \"reason\" }; a case whose retention has ended is deleted at its next wake-up")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        cases.MapDelete("/{caseId}", DeleteAsync)
            .WithName("DeleteCase")
            .WithSummary("Delete an ended (closed or declined) case now (Art. 17 GDPR), leaving only its anonymous statistics; 409 while it is open or under a legal hold")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static Task<IResult> HoldAsync(string caseId, [FromBody] JsonElement body, HttpContext context, CaseGate gate, IAccessDirectory directory, CancellationToken cancellationToken) =>
        SetHoldAsync(caseId, new LegalHoldPayload(true, ReasonOf(body)), context, gate, directory, cancellationToken);

    private static Task<IResult> LiftAsync(string caseId, [FromBody] JsonElement? body, HttpContext context, CaseGate gate, IAccessDirectory directory, CancellationToken cancellationToken) =>
        SetHoldAsync(caseId, new LegalHoldPayload(false, body is { } given ? ReasonOf(given) : null), context, gate, directory, cancellationToken);

    private static async Task<IResult> SetHoldAsync(
        string caseId, LegalHoldPayload payload, HttpContext context, CaseGate gate, IAccessDirectory directory, CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        if (await gate.FindDistrictCaseAsync(staff, caseId, directory, cancellationToken) is null)
        {
            return AuditApi.CaseNotFound();
        }

        var result = await gate.RaiseOnFoundCaseAsync(staff, caseId, CaseEvents.SetLegalHold, KimJson.ToElement(payload), cancellationToken);
        return result.Problem ?? TypedResults.NoContent();
    }

    private static async Task<IResult> DeleteAsync(
        string caseId, HttpContext context, CaseGate gate, IAccessDirectory directory, CaseDeletion deletion, CancellationToken cancellationToken)
    {
        var staff = context.GetStaffMember();
        if (await gate.FindDistrictCaseAsync(staff, caseId, directory, cancellationToken) is null)
        {
            return AuditApi.CaseNotFound();
        }

        // The decision (ended, no hold) is the workflow's; once committed, the case clock would finish
        // the deletion should this request stop half-way.
        var decided = await gate.Workflows.RaiseEventAsync(caseId, CaseEvents.Erase, KimJson.ToElement(new { }), staff.Id, cancellationToken: cancellationToken);
        if (gate.ToCommandResult(decided, CaseEvents.Erase, caseId, staff).Problem is { } refused)
        {
            return refused;
        }

        await deletion.DeleteAsync(caseId, staff.Id, AuditRoute.Of(context), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The <c>reason</c> member of a JSON object body, null when absent or not a string (the workflow then answers 422).</summary>
    private static string? ReasonOf(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
            ? reason.GetString()
            : null;
}
