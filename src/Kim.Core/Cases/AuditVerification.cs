namespace Kim.Core.Cases;

/// <summary>The result of verifying audit chains: how many chains and entries were checked, and the first broken link.</summary>
public sealed record AuditVerification(int Chains, long Entries, AuditBreak? FirstBroken)
{
    public bool Intact => FirstBroken is null;
}
