namespace Kim.Api.Cases;

/// <summary>The <see cref="Kim.Core.Cases.AuditEntry.Action"/> words the case API writes.</summary>
public static class CaseAuditActions
{
    public const string Read = "read";
    public const string Change = "change";
    public const string Download = "download";
    public const string Upload = "upload";
}
