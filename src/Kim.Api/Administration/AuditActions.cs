namespace Kim.Api.Administration;

/// <summary>The <see cref="Kim.Core.Cases.AuditEntry"/> actions and targets of the data-protection routes.</summary>
public static class AuditActions
{
    public const string Read = "read";
    public const string Verify = "verify";
    public const string Export = "export";

    /// <summary>The target of reading or verifying the audit trail.</summary>
    public const string AuditTarget = "audit";

    /// <summary>The target of an Art. 15 export.</summary>
    public const string CaseTarget = "case";
}
