namespace Kim.Core.Reports;

/// <summary>One referral of a case, as the statistics keep it.</summary>
/// <param name="PartnerType">The recipient's partner type (<c>welfare-organisation</c> …), or <c>service</c> for a service that is no partner of Kim.</param>
/// <param name="Outcome"><c>open</c>, <c>accepted</c>, <c>rejected</c>, <c>withdrawn</c>, <c>successful</c> or <c>unsuccessful</c>.</param>
/// <param name="SentMonth">The month the referral was sent (Europe/Berlin).</param>
public sealed record ReferralFigure(string PartnerType, string Outcome, DateOnly SentMonth);
