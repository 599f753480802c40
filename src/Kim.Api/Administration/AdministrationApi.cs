using System.Text.Json;
using Kim.Api.Access;
using Kim.Api.Cases;
using Kim.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kim.Api.Administration;

/// <summary>
/// The administrator's routes on staff and partners of their district (API.md, "Administration and
/// reporting"). Bodies of POST and PATCH are JSON objects; a PATCH is a JSON merge patch (RFC 7396).
/// </summary>
public static class AdministrationApi
{
    public static IEndpointRouteBuilder MapKimAdministration(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapKimStaffGroup("/api/admin", KimPolicies.Administrator).WithTags("Administration");
        admin.MapGet("/staff", ListStaffAsync)
            .WithName("ListStaff")
            .WithSummary("Staff of the caller's district, deactivated ones included")
            .Produces<ListResponse<StaffResponse>>();
        admin.MapPost("/staff", CreateStaffAsync)
            .WithName("CreateStaff")
            .WithSummary("Create a staff member: name, email, role (case-manager needs a municipality), objectId of the sign-in; id optional")
            .Accepts<StaffRequest>("application/json")
            .Produces<CreatedResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapPatch("/staff/{staffId}", ChangeStaffAsync)
            .WithName("ChangeStaff")
            .WithSummary("Change name, email, role, municipality or objectId, or deactivate (active: false; the account is 401 from its next request)")
            .Accepts<StaffRequest>("application/merge-patch+json", "application/json")
            .Produces<StaffResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapGet("/partners", ListPartnersAsync)
            .WithName("ListPartners")
            .WithSummary("Partners of the caller's district with the ids of their valid keys")
            .Produces<ListResponse<PartnerResponse>>();
        admin.MapPost("/partners", CreatePartnerAsync)
            .WithName("CreatePartner")
            .WithSummary("Create a partner (no key yet): name, type, email, municipality optional; id optional")
            .Accepts<PartnerRequest>("application/json")
            .Produces<CreatedResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapPatch("/partners/{partnerId}", ChangePartnerAsync)
            .WithName("ChangePartner")
            .WithSummary("Change name, type, email or municipality, or deactivate (active: false; its keys are 401 from the next request)")
            .Accepts<PartnerRequest>("application/merge-patch+json", "application/json")
            .Produces<PartnerResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapPost("/partners/{partnerId}/keys", CreateKeyAsync)
            .WithName("CreatePartnerKey")
            .WithSummary("Create an API key, shown in this answer only; at most two valid keys per partner (a third is 409)")
            .Produces<PartnerKeyCreatedResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapDelete("/partners/{partnerId}/keys/{keyId}", RevokeKeyAsync)
            .WithName("RevokePartnerKey")
            .WithSummary("Revoke a key: requests with it are 401 from now on")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<IResult> ListStaffAsync(HttpContext context, DirectoryAdministration administration, CancellationToken cancellationToken)
    {
        var staff = await administration.ListStaffAsync(context.GetStaffMember().District, cancellationToken);
        return TypedResults.Ok(new ListResponse<StaffResponse>([.. staff.Select(StaffResponse.Of)], null));
    }

    private static async Task<IResult> CreateStaffAsync(
        [FromBody] JsonElement body, HttpContext context, DirectoryAdministration administration, CancellationToken cancellationToken)
    {
        var outcome = await administration.CreateStaffAsync(context.GetStaffMember().District, body, cancellationToken);
        return outcome.Problem?.ToResult() ?? CaseResults.Created($"/api/admin/staff/{CaseResults.Escape(outcome.Value!.Id)}", outcome.Value.Id);
    }

    private static async Task<IResult> ChangeStaffAsync(
        string staffId, [FromBody] JsonElement patch, HttpContext context, DirectoryAdministration administration, CancellationToken cancellationToken)
    {
        var outcome = await administration.ChangeStaffAsync(context.GetStaffMember(), staffId, patch, cancellationToken);
        return outcome.Problem?.ToResult() ?? TypedResults.Ok(StaffResponse.Of(outcome.Value!));
    }

    private static async Task<IResult> ListPartnersAsync(HttpContext context, DirectoryAdministration administration, CancellationToken cancellationToken)
    {
        var partners = await administration.ListPartnersAsync(context.GetStaffMember().District, cancellationToken);
        return TypedResults.Ok(new ListResponse<PartnerResponse>([.. partners.Select(PartnerResponse.Of)], null));
    }

    private static async Task<IResult> CreatePartnerAsync(
        [FromBody] JsonElement body, HttpContext context, DirectoryAdministration administration, CancellationToken cancellationToken)
    {
        var outcome = await administration.CreatePartnerAsync(context.GetStaffMember().District, body, cancellationToken);
        return outcome.Problem?.ToResult() ?? CaseResults.Created($"/api/admin/partners/{CaseResults.Escape(outcome.Value!.Id)}", outcome.Value.Id);
    }

    private static async Task<IResult> ChangePartnerAsync(
        string partnerId, [FromBody] JsonElement patch, HttpContext context, DirectoryAdministration administration, CancellationToken cancellationToken)
    {
        var outcome = await administration.ChangePartnerAsync(context.GetStaffMember().District, partnerId, patch, cancellationToken);
        return outcome.Problem?.ToResult() ?? TypedResults.Ok(PartnerResponse.Of(outcome.Value!));
    }

    private static async Task<IResult> CreateKeyAsync(
        string partnerId, HttpContext context, DirectoryAdministration administration, CancellationToken cancellationToken)
    {
        var outcome = await administration.AddKeyAsync(context.GetStaffMember().District, partnerId, presetKey: null, cancellationToken);
        return outcome.Problem?.ToResult() ?? TypedResults.Created(
            $"/api/admin/partners/{CaseResults.Escape(partnerId)}/keys/{CaseResults.Escape(outcome.Value!.KeyId)}", outcome.Value);
    }

    private static async Task<IResult> RevokeKeyAsync(
        string partnerId, string keyId, HttpContext context, DirectoryAdministration administration, CancellationToken cancellationToken)
    {
        var outcome = await administration.RevokeKeyAsync(context.GetStaffMember().District, partnerId, keyId, cancellationToken);
        return outcome.Problem?.ToResult() ?? TypedResults.NoContent();
    }
}
