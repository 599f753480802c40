namespace Kim.Core.Workflows.Payloads;

/// <summary>The input of a referral instance, from the case's <c>create-referral</c>.</summary>
public sealed record ReferralStartInput(
    string CaseId,
    string Municipality,
    string Purpose,
    string ConsentId,
    string? PartnerId = null,
    string? Service = null,
    DateTimeOffset? RespondBy = null,
    string? District = null);
