using Kim.Core.Cases;
using Kim.Core.Workflows;

namespace Kim.Core.Reports;

/// <summary>
/// The coordinators' reports (docs/reports.md): pure functions from statistics rows to published
/// cells. A period is whole months: every month from <c>from</c>'s to <c>to</c>'s (Europe/Berlin days).
/// </summary>
public static class StatisticsReports
{
    /// <summary>The agencies named for fewer than <see cref="SmallCellSuppression.Threshold"/> cases in a report, pooled.</summary>
    public const string OtherAgencies = "other-agencies";

    private static readonly string[] ReferralOutcomes = ["open", "accepted", "rejected", "withdrawn", "successful", "unsuccessful"];
    private static readonly string[] HandoverStatuses = [.. Enum.GetValues<HandoverStatus>().Select(KimJson.Name)];
    private static readonly string[] BenefitGaps = ["no-gap", "gap", "not-confirmed"];
    private static readonly string[] DurationBands = ["up-to-90-days", "91-180-days", "181-365-days", "366-730-days", "over-730-days"];

    /// <summary>
    /// <c>GET /api/reports/cases</c>: new, active, closed and declined cases; of the new cases their
    /// referral source, age band, residence status and legal domains; referrals sent in the period by
    /// partner type and outcome; handovers triggered in the period by kind and status, the benefit gap
    /// and the days without benefits; of the closed cases their closure reason and duration.
    /// </summary>
    /// <param name="rows">The statistics rows of the area (a municipality or the district).</param>
    /// <param name="from">First day of the period (its month counts whole).</param>
    /// <param name="to">Last day of the period (its month counts whole).</param>
    /// <param name="partnerTypes">The partner types Kim knows, as referral sources and recipients.</param>
    public static IReadOnlyList<ReportCell> Cases(IEnumerable<CaseStatisticsRow> rows, DateOnly from, DateOnly to, IReadOnlyList<string> partnerTypes)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(partnerTypes);
        var (first, last) = (CaseStatistics.Month(from), CaseStatistics.Month(to));
        bool In(DateOnly month) => month >= first && month <= last;
        var all = rows.ToList();
        var opened = all.Where(r => In(r.OpenedMonth)).ToList();
        var active = all.Where(r => r.OpenedMonth <= last && (r.EndedMonth is not { } end || end >= first)).ToList();
        var closed = all.Where(r => r.Outcome == CaseStatisticsRow.Closed && r.EndedMonth is { } end && In(end)).ToList();
        var declined = all.Where(r => r.Outcome == CaseStatisticsRow.Declined && r.EndedMonth is { } end && In(end)).ToList();
        var sources = partnerTypes.Append(CaseStatistics.UnknownPartnerType).Append(CaseStatisticsRow.CaseManagerSource).ToList();
        var recipients = partnerTypes.Append(CaseStatistics.Service).Append(CaseStatistics.UnknownPartnerType).ToList();
        var handedOver = all.Select(r => r.Handovers.Where(h => In(h.TriggerMonth)).ToList()).Where(h => h.Count > 0).ToList();
        var gapDays = handedOver.Select(h => h.Sum(x => x.DaysWithoutBenefits ?? 0)).Where(d => d > 0).ToList();

        var counts = new long[1, 4] { { opened.Count, active.Count, closed.Count, declined.Count } };
        var countMask = SmallCellSuppression.Apply(counts, null, null, null);
        string[] countLabels = ["new", "active", "closed", "declined"];
        var cells = new List<ReportCell>(countLabels.Select((label, i) => new ReportCell("cases", label, null, countMask.Cell(0, i) ? null : counts[0, i])));
        cells.AddRange(FigureTables.Distribution("referral-source", sources, [.. opened.Select(r => One(r.ReferralSource))]));
        cells.AddRange(FigureTables.Distribution("age-band", AgeBands.All, [.. opened.Select(r => One(r.AgeBand))]));
        cells.AddRange(FigureTables.Distribution(
            "residence-status", [.. Names<ResidenceStatusCategory>().Append(CaseStatisticsRow.NotRecorded)], [.. opened.Select(r => One(r.ResidenceStatus))]));
        cells.AddRange(FigureTables.Distribution(
            "legal-domain", [.. Enum.GetValues<LegalDomain>().Select(d => d.ToName())], [.. opened.Select(r => r.LegalDomains)]));
        cells.AddRange(FigureTables.CrossTable(
            "referrals", recipients, ReferralOutcomes,
            [.. all.Select(r => r.Referrals.Where(f => In(f.SentMonth)).Select(f => (f.PartnerType, f.Outcome)))]));
        cells.AddRange(FigureTables.CrossTable(
            "handovers", [.. HandoverTemplate.All.Select(t => t.Kind)], HandoverStatuses,
            [.. handedOver.Select(h => h.Select(x => (x.Kind, x.Status)))]));
        cells.AddRange(FigureTables.Distribution("benefit-gap", BenefitGaps, [.. handedOver.Select(h => h.Select(Gap))]));
        // A sum of days describes the cases with a gap: published only when they are enough to publish.
        cells.Add(new ReportCell("days-without-benefits", null, null, gapDays.Count >= SmallCellSuppression.Threshold ? gapDays.Sum() : null));
        cells.AddRange(FigureTables.Distribution(
            "closure-reason", [.. Names<ClosureReason>().Append(CaseStatisticsRow.NotRecorded)],
            [.. closed.Select(r => One(r.ClosureReason ?? CaseStatisticsRow.NotRecorded))]));
        cells.AddRange(FigureTables.Distribution("duration", DurationBands, [.. closed.Select(r => One(DurationBand(r.DurationDays ?? 0)))]));
        return cells;
    }

    /// <summary>
    /// <c>GET /api/reports/barriers</c>: cases with a barrier recorded in the period, by category and
    /// agency. An agency named for fewer than 5 of those cases is pooled into <see cref="OtherAgencies"/>,
    /// so that no rare name (which could point to a person) is ever printed.
    /// </summary>
    public static IReadOnlyList<ReportCell> Barriers(IEnumerable<CaseStatisticsRow> rows, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var (first, last) = (CaseStatistics.Month(from), CaseStatistics.Month(to));
        var population = rows.Select(r => r.Barriers.Where(b => b.RecordedMonth >= first && b.RecordedMonth <= last).ToList()).Where(b => b.Count > 0).ToList();
        var named = population.SelectMany(b => b.Select(x => x.Agency).Distinct(StringComparer.Ordinal))
            .GroupBy(a => a, StringComparer.Ordinal)
            .Where(g => g.Count() >= SmallCellSuppression.Threshold)
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal)
            .ToHashSet(StringComparer.Ordinal);
        string Agency(string agency) => named.Contains(agency) ? agency : OtherAgencies;
        return [.. FigureTables.CrossTable(
            "barriers", [.. Names<BarrierCategory>()], [.. named.Order(StringComparer.Ordinal).Append(OtherAgencies)],
            [.. population.Select(b => b.Select(x => (x.Category, Agency(x.Agency))))])];
    }

    private static IEnumerable<string> One(string label) => [label];

    private static IEnumerable<string> Names<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(KimJson.Name);

    private static string Gap(HandoverFigure handover) => handover.DaysWithoutBenefits switch
    {
        null => "not-confirmed",
        0 => "no-gap",
        _ => "gap",
    };

    private static string DurationBand(int days) => days switch
    {
        <= 90 => DurationBands[0],
        <= 180 => DurationBands[1],
        <= 365 => DurationBands[2],
        <= 730 => DurationBands[3],
        _ => DurationBands[4],
    };
}
