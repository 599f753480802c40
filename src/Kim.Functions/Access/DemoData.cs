namespace Kim.Functions.Access;

/// <summary>
/// The demo district of API.md: Märkischer Kreis with three municipalities, one person per role
/// and two partners. Seeding is an upsert of fixed records, so running it twice changes nothing.
/// The keys are public (they are in API.md), which is why only Development seeds them.
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
    ];

    public static IReadOnlyList<Partner> Partners { get; } =
    [
        new("jobcenter-mk", "Jobcenter Märkischer Kreis", PartnerType.JobCentre, "jobcenter-mk@example.org",
            District, null, ApiKeys.Hash(JobCentreKey)),
        new("caritas-luedenscheid", "Caritas Lüdenscheid", PartnerType.Welfare, "caritas-luedenscheid@example.org",
            District, "luedenscheid", ApiKeys.Hash(CaritasKey)),
    ];

    public static async Task SeedAsync(IAccessDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        foreach (var municipality in Municipalities)
        {
            await directory.UpsertMunicipalityAsync(municipality, cancellationToken);
        }

        foreach (var staff in Staff)
        {
            await directory.UpsertStaffAsync(staff, cancellationToken);
        }

        foreach (var partner in Partners)
        {
            await directory.UpsertPartnerAsync(partner, cancellationToken);
        }
    }

    private static StaffMember Person(string id, string name, StaffRole role, string? municipality) =>
        new(id, name, id + "@example.org", role, District, municipality);
}
