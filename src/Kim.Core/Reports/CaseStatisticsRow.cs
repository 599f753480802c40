namespace Kim.Core.Reports;

/// <summary>
/// The anonymous statistics of one case (docs/reports.md, "Rows"): categories only, no name, birth
/// date, free text, partner or case reference. Months are the first day of a month in Europe/Berlin.
/// Written as the case changes and kept when the case is deleted, so a past report never changes.
/// </summary>
/// <param name="Municipality">The municipality id of the case, e.g. <c>luedenscheid</c>.</param>
/// <param name="OpenedMonth">The month the case was opened.</param>
/// <param name="Outcome"><c>open</c>, <c>closed</c> or <c>declined</c>.</param>
/// <param name="EndedMonth">The month the case was closed or declined; null while open.</param>
/// <param name="ReferralSource">The partner type of the intake's sender (<c>job-centre</c> …), or <c>case-manager</c> for a case opened by a case manager.</param>
/// <param name="AgeBand">See <see cref="AgeBands"/>.</param>
/// <param name="ResidenceStatus">The residence-status category (<c>recognised-refugee</c> …) or <c>not-recorded</c>.</param>
/// <param name="LegalDomains">The legal domains (<c>AsylbLG</c>, <c>SGB II</c> …).</param>
/// <param name="ClosureReason">Why a closed case was closed (<c>goals-met</c> …); null otherwise.</param>
/// <param name="DurationDays">Days from opening to closing or declining (Europe/Berlin days); null while open.</param>
public sealed record CaseStatisticsRow(
    string Municipality,
    DateOnly OpenedMonth,
    string Outcome,
    DateOnly? EndedMonth,
    string ReferralSource,
    string AgeBand,
    string ResidenceStatus,
    IReadOnlyList<string> LegalDomains,
    IReadOnlyList<ReferralFigure> Referrals,
    IReadOnlyList<HandoverFigure> Handovers,
    IReadOnlyList<BarrierFigure> Barriers,
    string? ClosureReason,
    int? DurationDays)
{
    public const string Open = "open";
    public const string Closed = "closed";
    public const string Declined = "declined";

    /// <summary>The source of a case a case manager opened (a client who walked in).</summary>
    public const string CaseManagerSource = "case-manager";

    /// <summary>A category the case does not have (yet).</summary>
    public const string NotRecorded = "not-recorded";
}
