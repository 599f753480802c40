namespace Kim.Api.Access;

/// <summary>What a staff member may do (API.md, "Who is calling"); JSON names are kebab-case.</summary>
public enum StaffRole
{
    /// <summary>Works the cases of one municipality.</summary>
    CaseManager,

    /// <summary>Sees anonymous figures of the district; no case routes.</summary>
    Coordinator,

    /// <summary>Manages staff, partners and settings of the district; no case content (403 on case routes).</summary>
    Administrator,

    /// <summary>
    /// The district's data-protection officer (Art. 37–39 GDPR): reads the audit trail and answers
    /// requests for access (Art. 15) through the export; no case content on the case routes.
    /// </summary>
    DataProtectionOfficer,
}
