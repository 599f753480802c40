namespace Kim.Api.Access;

/// <summary>The claim types Kim puts on an authenticated caller.</summary>
public static class KimClaims
{
    /// <summary><c>staff</c> or <c>partner</c>.</summary>
    public const string CallerKind = "kim:caller";
    public const string StaffId = "kim:staff-id";
    public const string PartnerId = "kim:partner-id";
    public const string District = "kim:district";
    public const string Municipality = "kim:municipality";

    /// <summary>The role claim type; values are <see cref="StaffRoleNames"/>.</summary>
    public const string Role = "kim:role";

    public const string StaffKind = "staff";
    public const string PartnerKind = "partner";
}
