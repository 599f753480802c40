using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kim.Api.Access;
using Kim.Api.Http;
using Kim.Core;
using Kim.Core.Cases;

namespace Kim.Api.Administration;

/// <summary>
/// An administrator's work on the directory of their district (API.md, "Administration"): staff
/// and partners are created, changed and deactivated, partner keys created and revoked. Every rule
/// is here, for the routes and the demo seed alike. A record of another district is answered
/// exactly like one that does not exist.
/// </summary>
public sealed partial class DirectoryAdministration(IAccessDirectory directory, TimeProvider time)
{
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>Object ids are GUIDs at Entra ID; other issuers' subjects are longer but not this long.</summary>
    private const int ObjectIdLength = 128;

    public Task<IReadOnlyList<StaffMember>> ListStaffAsync(string district, CancellationToken cancellationToken) =>
        directory.ListDistrictStaffAsync(district, cancellationToken).AsTask();

    public Task<IReadOnlyList<Partner>> ListPartnersAsync(string district, CancellationToken cancellationToken) =>
        directory.ListPartnersAsync(district, cancellationToken).AsTask();

    /// <summary>Creates a staff member of the district; 422 naming the fields, 409 when the id or object id is taken.</summary>
    public async Task<AdminOutcome<StaffMember>> CreateStaffAsync(string district, JsonElement body, CancellationToken cancellationToken)
    {
        var (request, problem) = AdminRequests.Apply<StaffRequest>(null, body);
        if (problem is not null)
        {
            return AdminOutcome<StaffMember>.Refused(problem);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CheckId(errors, request!.Id);
        var member = await CheckStaffAsync(errors, district, request.Id ?? NewId("s-"), request, cancellationToken);
        if (errors.Count > 0)
        {
            return AdminOutcome<StaffMember>.Refused(KimProblems.Validation(errors));
        }

        if (await directory.FindStaffAsync(member!.Id, cancellationToken) is not null)
        {
            return AdminOutcome<StaffMember>.Refused(KimProblems.Conflict($"There is a staff member with the id '{member.Id}' already."));
        }

        return await SaveStaffAsync(member, previous: null, cancellationToken);
    }

    /// <summary>
    /// Applies a merge patch to a staff member of the caller's district: name, e-mail, role,
    /// municipality, object id, active. The caller cannot deactivate themselves or change their own
    /// role (409), so that a district never locks out its last administrator by accident.
    /// </summary>
    public async Task<AdminOutcome<StaffMember>> ChangeStaffAsync(
        StaffMember caller, string staffId, JsonElement patch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await directory.FindStaffAsync(staffId, cancellationToken) is not { } current || current.District != caller.District)
        {
            return AdminOutcome<StaffMember>.Refused(StaffNotFound());
        }

        var (request, problem) = AdminRequests.Apply(AsRequest(current), patch, "id");
        if (problem is not null)
        {
            return AdminOutcome<StaffMember>.Refused(problem);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var member = await CheckStaffAsync(errors, current.District, current.Id, request!, cancellationToken);
        if (errors.Count > 0)
        {
            return AdminOutcome<StaffMember>.Refused(KimProblems.Validation(errors));
        }

        if (current.Id == caller.Id && (!member!.Active || member.Role != current.Role))
        {
            return AdminOutcome<StaffMember>.Refused(KimProblems.Conflict("You cannot deactivate yourself or change your own role; ask another administrator."));
        }

        return await SaveStaffAsync(member!, current, cancellationToken);
    }

    /// <summary>Creates a partner of the district, without keys; 422 naming the fields, 409 when the id is taken.</summary>
    public async Task<AdminOutcome<Partner>> CreatePartnerAsync(string district, JsonElement body, CancellationToken cancellationToken)
    {
        var (request, problem) = AdminRequests.Apply<PartnerRequest>(null, body);
        if (problem is not null)
        {
            return AdminOutcome<Partner>.Refused(problem);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CheckId(errors, request!.Id);
        var partner = await CheckPartnerAsync(errors, district, request.Id ?? NewId("p-"), request, cancellationToken);
        if (errors.Count > 0)
        {
            return AdminOutcome<Partner>.Refused(KimProblems.Validation(errors));
        }

        if (await directory.FindPartnerAsync(partner!.Id, cancellationToken) is not null)
        {
            return AdminOutcome<Partner>.Refused(KimProblems.Conflict($"There is a partner with the id '{partner.Id}' already."));
        }

        await directory.UpsertPartnerAsync(partner, cancellationToken);
        return AdminOutcome<Partner>.Done(partner);
    }

    /// <summary>Applies a merge patch to a partner of the district: name, type, e-mail, municipality, active.</summary>
    public async Task<AdminOutcome<Partner>> ChangePartnerAsync(string district, string partnerId, JsonElement patch, CancellationToken cancellationToken)
    {
        if (await FindPartnerOfDistrictAsync(district, partnerId, cancellationToken) is not { } current)
        {
            return AdminOutcome<Partner>.Refused(PartnerNotFound());
        }

        var (request, problem) = AdminRequests.Apply(AsRequest(current), patch, "id");
        if (problem is not null)
        {
            return AdminOutcome<Partner>.Refused(problem);
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var partner = await CheckPartnerAsync(errors, district, current.Id, request!, cancellationToken);
        if (errors.Count > 0)
        {
            return AdminOutcome<Partner>.Refused(KimProblems.Validation(errors));
        }

        await directory.UpsertPartnerAsync(partner!, cancellationToken);
        return AdminOutcome<Partner>.Done(partner! with { KeyIds = current.KeyIds });
    }

    /// <summary>
    /// Creates a key for a partner of the district and returns it with its id; the key is not kept.
    /// 409 when the partner holds <see cref="ApiKeys.MaxValidKeys"/> valid keys already (revoke one first).
    /// </summary>
    /// <param name="presetKey">The demo seed's published key; null for a new random one.</param>
    public async Task<AdminOutcome<PartnerKeyCreatedResponse>> AddKeyAsync(
        string district, string partnerId, string? presetKey, CancellationToken cancellationToken)
    {
        if (await FindPartnerOfDistrictAsync(district, partnerId, cancellationToken) is null)
        {
            return AdminOutcome<PartnerKeyCreatedResponse>.Refused(PartnerNotFound());
        }

        while (true)
        {
            var key = presetKey ?? ApiKeys.New();
            var stored = ApiKeys.Protect(key, partnerId, time.GetUtcNow());
            switch (await directory.AddPartnerKeyAsync(stored, ApiKeys.MaxValidKeys, cancellationToken))
            {
                case PartnerKeyChange.Done:
                    return AdminOutcome<PartnerKeyCreatedResponse>.Done(new PartnerKeyCreatedResponse(stored.KeyId, key));
                case PartnerKeyChange.TooManyKeys:
                    return AdminOutcome<PartnerKeyCreatedResponse>.Refused(KimProblems.Conflict(
                        $"The partner holds {ApiKeys.MaxValidKeys} valid keys already; revoke one before creating another."));
                case PartnerKeyChange.KeyIdTaken when presetKey is not null:
                    return AdminOutcome<PartnerKeyCreatedResponse>.Refused(KimProblems.Conflict("A key with this id exists already."));
                case PartnerKeyChange.KeyIdTaken:
                    continue;
                default:
                    return AdminOutcome<PartnerKeyCreatedResponse>.Refused(PartnerNotFound());
            }
        }
    }

    /// <summary>Revokes a valid key of a partner of the district; the key is refused from the next request on. 404 for an unknown key.</summary>
    public async Task<AdminOutcome<string>> RevokeKeyAsync(string district, string partnerId, string keyId, CancellationToken cancellationToken)
    {
        if (await FindPartnerOfDistrictAsync(district, partnerId, cancellationToken) is null)
        {
            return AdminOutcome<string>.Refused(PartnerNotFound());
        }

        return await directory.RevokePartnerKeyAsync(partnerId, keyId, cancellationToken) == PartnerKeyChange.Done
            ? AdminOutcome<string>.Done(keyId)
            : AdminOutcome<string>.Refused(KimProblems.NotFound("The partner has no valid key with this id."));
    }

    private async Task<AdminOutcome<StaffMember>> SaveStaffAsync(StaffMember member, StaffMember? previous, CancellationToken cancellationToken)
    {
        if (member.ObjectId is { } objectId
            && !string.Equals(objectId, previous?.ObjectId, StringComparison.OrdinalIgnoreCase)
            && await directory.FindStaffByObjectIdAsync(objectId, cancellationToken) is { } holder
            && holder.Id != member.Id)
        {
            return AdminOutcome<StaffMember>.Refused(KimProblems.Conflict("Another staff member signs in with this object id."));
        }

        await directory.UpsertStaffAsync(member, cancellationToken);
        return AdminOutcome<StaffMember>.Done(member);
    }

    private async Task<StaffMember?> CheckStaffAsync(
        Dictionary<string, string[]> errors, string district, string id, StaffRequest request, CancellationToken cancellationToken)
    {
        CheckText(errors, "name", request.Name, FieldLimits.ShortTextLength);
        CheckEmail(errors, request.Email);
        var role = StaffRoleNames.Parse(request.Role);
        if (role is null)
        {
            errors["role"] = [$"must be one of {string.Join(", ", StaffRoleNames.All)}"];
        }
        else if (role == StaffRole.CaseManager)
        {
            await CheckMunicipalityAsync(errors, district, request.Municipality, required: true, cancellationToken);
        }
        else if (request.Municipality is not null)
        {
            errors["municipality"] = ["only case managers belong to a municipality; the other roles are district-wide"];
        }

        if (request.ObjectId is { } objectId && (objectId.Length is 0 or > ObjectIdLength || objectId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c))))
        {
            errors["objectId"] = [$"must be 1 to {ObjectIdLength} characters without / \\ # ? or control characters"];
        }

        return errors.Count > 0
            ? null
            : new StaffMember(id, request.Name!.Trim(), request.Email!.Trim(), role!.Value, district, request.Municipality,
                request.ObjectId, request.Active ?? true);
    }

    private async Task<Partner?> CheckPartnerAsync(
        Dictionary<string, string[]> errors, string district, string id, PartnerRequest request, CancellationToken cancellationToken)
    {
        CheckText(errors, "name", request.Name, FieldLimits.ShortTextLength);
        CheckEmail(errors, request.Email);
        var type = Enum.GetValues<PartnerType>().Cast<PartnerType?>().FirstOrDefault(t => KimJson.Name(t!.Value) == request.Type);
        if (type is null)
        {
            errors["type"] = [$"must be one of {string.Join(", ", Enum.GetValues<PartnerType>().Select(t => KimJson.Name(t)))}"];
        }

        await CheckMunicipalityAsync(errors, district, request.Municipality, required: false, cancellationToken);
        return errors.Count > 0
            ? null
            : new Partner(id, request.Name!.Trim(), type!.Value, request.Email!.Trim(), district, request.Municipality, [], request.Active ?? true);
    }

    private async Task CheckMunicipalityAsync(
        Dictionary<string, string[]> errors, string district, string? municipality, bool required, CancellationToken cancellationToken)
    {
        if (municipality is null)
        {
            if (required)
            {
                errors["municipality"] = ["is required for a case manager"];
            }

            return;
        }

        var known = await directory.ListMunicipalitiesAsync(district, cancellationToken);
        if (!known.Any(m => m.Id == municipality))
        {
            errors["municipality"] = [$"is not a municipality of the district; they are {string.Join(", ", known.Select(m => m.Id))}"];
        }
    }

    private async Task<Partner?> FindPartnerOfDistrictAsync(string district, string partnerId, CancellationToken cancellationToken) =>
        await directory.FindPartnerAsync(partnerId, cancellationToken) is { } partner && partner.District == district ? partner : null;

    private static void CheckId(Dictionary<string, string[]> errors, string? id)
    {
        if (id is not null && !IdPattern().IsMatch(id))
        {
            errors["id"] = [$"must be 1 to {FieldLimits.IdLength} lowercase letters, digits and hyphens, starting with a letter or digit"];
        }
    }

    private static void CheckText(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["is required"];
        }
        else if (value.Length > max)
        {
            errors[field] = [$"is longer than {max} characters"];
        }
    }

    private static void CheckEmail(Dictionary<string, string[]> errors, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            errors["email"] = ["is required"];
        }
        else if (email.Length > FieldLimits.EmailLength || Kim.Core.Mail.MailAddress.TryCreate(email.Trim()) is null)
        {
            errors["email"] = ["is not an e-mail address"];
        }
    }

    private static StaffRequest AsRequest(StaffMember staff) =>
        new(staff.Id, staff.DisplayName, staff.Email, StaffRoleNames.Of(staff.Role), staff.Municipality, staff.ObjectId, staff.Active);

    private static PartnerRequest AsRequest(Partner partner) =>
        new(partner.Id, partner.Name, KimJson.Name(partner.Type), partner.Email, partner.Municipality, partner.Active);

    private static string NewId(string prefix) => prefix + RandomNumberGenerator.GetString(IdAlphabet, 10);

    /// <summary>The one 404 for a staff member who does not exist or belongs to another district.</summary>
    private static Microsoft.AspNetCore.Mvc.ProblemDetails StaffNotFound() =>
        KimProblems.NotFound("There is no staff member with this id in your district.");

    /// <summary>The one 404 for a partner that does not exist or belongs to another district.</summary>
    private static Microsoft.AspNetCore.Mvc.ProblemDetails PartnerNotFound() =>
        KimProblems.NotFound("There is no partner with this id in your district.");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
