using Kim.Api.Administration;
using Kim.Core;

namespace Kim.Api.Access;

/// <summary>
/// The demo district of API.md: Märkischer Kreis with three municipalities, one person per role
/// and two partners with their published keys. Seeding goes through
/// <see cref="DirectoryAdministration"/>, the code path of the administration routes, and creates
/// only what is missing, so running it twice changes nothing (and an account an administrator
/// deactivated stays deactivated). The keys are public, which is why only Development seeds them.
/// </summary>
public static class DemoData
{
    public const string District = "mk";
    public const string JobCentreKey = "dev-key-jobcenter-mk";
    public const string CaritasKey = "dev-key-caritas-luedenscheid";

    public static IReadOnlyList<Municipality> Municipalities { get; } =
    [
        new("luedenscheid", "Lüdenscheid", District),
        new("iserlohn", "Iserlohn", District),
        new("menden", "Menden (Sauerland)", District),
    ];

    public static IReadOnlyList<StaffMember> Staff { get; } =
    [
        Person("cm-luedenscheid", "Case manager Lüdenscheid", StaffRole.CaseManager, "luedenscheid"),
        Person("cm-iserlohn", "Case manager Iserlohn", StaffRole.CaseManager, "iserlohn"),
        Person("cm-menden", "Case manager Menden", StaffRole.CaseManager, "menden"),
        Person("coord-mk", "Coordinator Märkischer Kreis", StaffRole.Coordinator, null),
        Person("admin-mk", "Administrator Märkischer Kreis", StaffRole.Administrator, null),
        Person("dpo-mk", "Data-protection officer Märkischer Kreis", StaffRole.DataProtectionOfficer, null),
    ];

    public static IReadOnlyList<Partner> Partners { get; } =
    [
        new("jobcenter-mk", "Jobcenter Märkischer Kreis", PartnerType.JobCentre, "jobcenter-mk@example.org",
            District, null, [ApiKeys.IdOf(JobCentreKey)!]),
        new("caritas-luedenscheid", "Caritas Lüdenscheid", PartnerType.WelfareOrganisation, "caritas-luedenscheid@example.org",
            District, "luedenscheid", [ApiKeys.IdOf(CaritasKey)!]),
    ];

    /// <summary>The published key of each demo partner.</summary>
    public static IReadOnlyDictionary<string, string> Keys { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["jobcenter-mk"] = JobCentreKey,
        ["caritas-luedenscheid"] = CaritasKey,
    };

    /// <summary>Creates what is missing of the demo district; throws when the administration refuses a record for another reason.</summary>
    public static async Task SeedAsync(IAccessDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var administration = new DirectoryAdministration(directory, TimeProvider.System);
        foreach (var municipality in Municipalities)
        {
            await directory.UpsertMunicipalityAsync(municipality, cancellationToken);
        }

        foreach (var staff in Staff)
        {
            if (await directory.FindStaffAsync(staff.Id, cancellationToken) is null)
            {
                var request = new StaffRequest(staff.Id, staff.DisplayName, staff.Email, StaffRoleNames.Of(staff.Role), staff.Municipality, null, null);
                Check((await administration.CreateStaffAsync(District, KimJson.ToElement(request), cancellationToken)).Problem, staff.Id);
            }
        }

        foreach (var partner in Partners)
        {
            // The key comes with the partner only: a demo key an administrator revoked stays revoked.
            if (await directory.FindPartnerAsync(partner.Id, cancellationToken) is null)
            {
                var request = new PartnerRequest(partner.Id, partner.Name, KimJson.Name(partner.Type), partner.Email, partner.Municipality, null);
                Check((await administration.CreatePartnerAsync(District, KimJson.ToElement(request), cancellationToken)).Problem, partner.Id);
                Check((await administration.AddKeyAsync(District, partner.Id, Keys[partner.Id], cancellationToken)).Problem, partner.Id);
            }
        }
    }

    private static void Check(Microsoft.AspNetCore.Mvc.ProblemDetails? problem, string id)
    {
        if (problem is not null)
        {
            throw new InvalidOperationException($"The demo record '{id}' was refused: {problem.Title} {problem.Detail} "
                + string.Join("; ", (problem as Microsoft.AspNetCore.Http.HttpValidationProblemDetails)?.Errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}") ?? []));
        }
    }

    private static StaffMember Person(string id, string name, StaffRole role, string? municipality) =>
        new(id, name, id + "@example.org", role, District, municipality);
}
