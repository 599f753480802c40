namespace Kim.Functions.Access;

/// <summary>The wire names of <see cref="StaffRole"/>, used as role claims and policy names.</summary>
public static class StaffRoleNames
{
    public const string CaseManager = "case-manager";
    public const string Coordinator = "coordinator";
    public const string Administrator = "administrator";

    public static string Of(StaffRole role) => role switch
    {
        StaffRole.CaseManager => CaseManager,
        StaffRole.Coordinator => Coordinator,
        StaffRole.Administrator => Administrator,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown role"),
    };
}
