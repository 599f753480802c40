namespace Kim.Functions.Access;

/// <summary>What a staff member may do (API.md, "Who is calling"); JSON names are kebab-case.</summary>
public enum StaffRole
{
    /// <summary>Works the cases of one municipality.</summary>
    CaseManager,

    /// <summary>Sees anonymous figures of the district; no case routes.</summary>
    Coordinator,

    /// <summary>Manages staff, partners and settings; no case content.</summary>
    Administrator,
}
