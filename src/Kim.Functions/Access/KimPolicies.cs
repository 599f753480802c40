namespace Kim.Functions.Access;

/// <summary>The authorization policies route groups apply.</summary>
public static class KimPolicies
{
    public const string Partner = "partner";
    public const string CaseManager = StaffRoleNames.CaseManager;
    public const string Coordinator = StaffRoleNames.Coordinator;
    public const string Administrator = StaffRoleNames.Administrator;
}
