using Kim.Core.Cases;

namespace Kim.Api.Administration;

/// <summary><c>GET /api/admin/audit/verify</c>: whether every checked chain holds, and otherwise its first broken link.</summary>
public sealed record AuditVerificationResponse(bool Intact, int Chains, long Entries, AuditBreak? FirstBroken)
{
    public static AuditVerificationResponse Of(AuditVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        return new(verification.Intact, verification.Chains, verification.Entries, verification.FirstBroken);
    }
}
