namespace Kim.Api.Access;

/// <summary>The wire names of <see cref="StaffRole"/>, used as role claims and policy names.</summary>
public static class StaffRoleNames
{
    public const string CaseManager = "case-manager";
    public const string Coordinator = "coordinator";
    public const string Administrator = "administrator";
    public const string DataProtectionOfficer = "data-protection-officer";

    public static IReadOnlyList<string> All { get; } = [CaseManager, Coordinator, Administrator, DataProtectionOfficer];

    public static string Of(StaffRole role) => role switch
    {
        StaffRole.CaseManager => CaseManager,
        StaffRole.Coordinator => Coordinator,
        StaffRole.Administrator => Administrator,
        StaffRole.DataProtectionOfficer => DataProtectionOfficer,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };

    /// <summary>The role of a wire name; null for anything else.</summary>
    public static StaffRole? Parse(string? name) => name switch
    {
        CaseManager => StaffRole.CaseManager,
        Coordinator => StaffRole.Coordinator,
        Administrator => StaffRole.Administrator,
        DataProtectionOfficer => StaffRole.DataProtectionOfficer,
        _ => null,
    };
}
