namespace Kim.Api.Access;

/// <summary>The authorization policies route groups apply.</summary>
public static class KimPolicies
{
    public const string Partner = "partner";
    public const string CaseManager = StaffRoleNames.CaseManager;
    public const string Coordinator = StaffRoleNames.Coordinator;
    public const string Administrator = StaffRoleNames.Administrator;
    public const string DataProtectionOfficer = StaffRoleNames.DataProtectionOfficer;

    /// <summary>Administrators and data-protection officers: the audit trail and the Art. 15 export.</summary>
    public const string DataProtection = "data-protection";

    /// <summary>The policies of staff routes, each a role or a set of roles.</summary>
    public static IReadOnlyList<string> Staff { get; } = [CaseManager, Coordinator, Administrator, DataProtectionOfficer, DataProtection];
}
