using Kim.Core.Cases;
using Kim.Core.Workflows;

namespace Kim.Core.Reports;

/// <summary>The statistics row of a case, computed from the case alone: a pure function.</summary>
public static class CaseStatistics
{
    /// <summary>The referral's recipient when it is a service and not a partner of Kim.</summary>
    public const string Service = "service";

    /// <summary>A partner Kim no longer knows (its type cannot be looked up).</summary>
    public const string UnknownPartnerType = "unknown";

    /// <summary>
    /// The anonymous row of <paramref name="state"/>: categories only (docs/reports.md, "Rows").
    /// </summary>
    /// <param name="state">The case.</param>
    /// <param name="partnerTypes">The partner type name (<c>job-centre</c> …) of each partner id the case names; a missing id counts as <see cref="UnknownPartnerType"/>.</param>
    /// <param name="calendar">Gives the Europe/Berlin day of an instant.</param>
    public static CaseStatisticsRow Of(CaseWorkflowState state, IReadOnlyDictionary<string, string> partnerTypes, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(partnerTypes);
        ArgumentNullException.ThrowIfNull(calendar);
        var opened = calendar.LocalDate(state.OpenedAt);
        var ended = state.State is CaseState.Closed or CaseState.Declined && state.EndedAt is { } at ? calendar.LocalDate(at) : (DateOnly?)null;
        return new CaseStatisticsRow(
            state.Municipality,
            Month(opened),
            state.State switch
            {
                CaseState.Closed => CaseStatisticsRow.Closed,
                CaseState.Declined => CaseStatisticsRow.Declined,
                _ => CaseStatisticsRow.Open,
            },
            ended is { } end ? Month(end) : null,
            state.Source.PartnerId is { } sender ? TypeOf(sender, partnerTypes) : CaseStatisticsRow.CaseManagerSource,
            AgeBands.Of(state.Client.DateOfBirth, opened),
            state.Client.ResidenceStatus is { } status ? KimJson.Name(status) : CaseStatisticsRow.NotRecorded,
            [.. (state.Client.LegalDomains ?? []).Distinct().Select(d => d.ToName())],
            [.. state.Referrals.Select(r => new ReferralFigure(
                r.PartnerId is { } partner ? TypeOf(partner, partnerTypes) : Service,
                ReferralOutcome(r),
                Month(calendar.LocalDate(r.CreatedAt))))],
            [.. state.Handovers.Select(h => new HandoverFigure(h.Kind, KimJson.Name(h.Status), Month(h.TriggerDate), DaysWithoutBenefits(h, calendar)))],
            [.. state.Barriers.Select(b => new BarrierFigure(KimJson.Name(b.Category), Agency(b.Agency), Month(calendar.LocalDate(b.RecordedAt))))],
            state.State == CaseState.Closed && state.ClosureReason is { } reason ? KimJson.Name(reason) : null,
            ended is { } last ? last.DayNumber - opened.DayNumber : null);
    }

    /// <summary>
    /// The days a client was without benefits because the job centre application came late: AsylbLG
    /// ends with the target day (the end of the month the decision was served, §1(3) AsylbLG) and
    /// SGB II is paid from the first day of the month of the application, never earlier (§37(2) SGB II;
    /// DOMAIN.md, the handover). So the gap runs from the day after the target to the first day of the
    /// month the application step was confirmed in (Europe/Berlin): 0 when it was confirmed by the
    /// hard deadline. Null for a handover not to SGB II or whose application is not confirmed.
    /// </summary>
    public static int? DaysWithoutBenefits(HandoverSummary handover, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(handover);
        ArgumentNullException.ThrowIfNull(calendar);
        if (handover.To != LegalDomain.SgbII
            || handover.Steps.FirstOrDefault(s => s.Step == HandoverSteps.JobcentreApplication)?.ConfirmedAt is not { } confirmed)
        {
            return null;
        }

        var paidFrom = Month(calendar.LocalDate(confirmed));
        return Math.Max(0, paidFrom.DayNumber - handover.Target.AddDays(1).DayNumber);
    }

    /// <summary>The first day of the month <paramref name="day"/> lies in.</summary>
    public static DateOnly Month(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>An agency name as reports group it: trimmed, with single spaces.</summary>
    public static string Agency(string? agency) =>
        string.Join(' ', (agency ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string TypeOf(string partnerId, IReadOnlyDictionary<string, string> partnerTypes) =>
        partnerTypes.TryGetValue(partnerId, out var type) ? type : UnknownPartnerType;

    private static string ReferralOutcome(ReferralSummary referral) => referral.State switch
    {
        ReferralState.Sent => "open",
        ReferralState.Done => referral.Successful == true ? "successful" : "unsuccessful",
        _ => KimJson.Name(referral.State),
    };
}
