namespace Kim.Core.Cases;

/// <summary>
/// One access to a case: who read or changed what, and when. Kept apart from the case history,
/// append-only, with personal accounts only, and without case content.
/// </summary>
/// <param name="CaseId">The case; null for an access to no case (reading the audit trail of a district).</param>
/// <param name="At">When (UTC).</param>
/// <param name="Actor">The staff id, or <c>partner:{id}</c>.</param>
/// <param name="Action">What was done, e.g. <c>read</c>, <c>change</c>, <c>download</c>, <c>export</c>.</param>
/// <param name="Target">What it was done to, e.g. <c>case</c>, <c>timeline</c>, <c>document:d-…</c>, or the event name of a change.</param>
/// <param name="District">The district of the case or of the caller: whose administrators and data-protection officer see the entry.</param>
/// <param name="Route">The route that did it, <c>GET /api/cases/{caseId}</c>; empty when no request did.</param>
public sealed record AuditEntry(
    string? CaseId, DateTimeOffset At, string Actor, string Action, string Target, string District = "", string Route = "")
{
    /// <summary>The chain the entry belongs to: its case's, or its district's for an entry of no case (<see cref="AuditChain"/>).</summary>
    public string ChainId => CaseId ?? AuditChain.DistrictChainPrefix + District;
}
