using Kim.Core.Cases;
using Kim.Core.Workflows;

namespace Kim.Core.Reports;

/// <summary>
/// The coordinators' reports (docs/reports.md): pure functions from statistics rows to published
/// cells. A period is whole months: every month from <c>from</c>'s to <c>to</c>'s (Europe/Berlin days).
/// </summary>
public static class StatisticsReports
{
    /// <summary>The agencies named for fewer than <see cref="SmallCellSuppression.Threshold"/> cases of the district in the period, pooled.</summary>
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
    /// Every figure is suppressed together for the district and all its municipalities, so that
    /// the district's figure minus the other municipalities' never reveals a suppressed value.
    /// </summary>
    /// <param name="rows">The statistics rows of the district.</param>
    /// <param name="municipalities">The municipalities of the district.</param>
    /// <param name="municipality">The municipality asked for, or null for the district.</param>
    /// <param name="from">First day of the period (its month counts whole).</param>
    /// <param name="to">Last day of the period (its month counts whole).</param>
    /// <param name="partnerTypes">The partner types Kim knows, as referral sources and recipients.</param>
    public static IReadOnlyList<ReportCell> Cases(
        IEnumerable<CaseStatisticsRow> rows, IReadOnlyList<string> municipalities, string? municipality, DateOnly from, DateOnly to, IReadOnlyList<string> partnerTypes)
    {
        ArgumentNullException.ThrowIfNull(partnerTypes);
        var (first, last) = (CaseStatistics.Month(from), CaseStatistics.Month(to));
        bool In(DateOnly month) => month >= first && month <= last;
        List<CaseStatisticsRow> Opened(IEnumerable<CaseStatisticsRow> area) => [.. area.Where(r => In(r.OpenedMonth))];
        List<CaseStatisticsRow> Ended(IEnumerable<CaseStatisticsRow> area, string outcome) =>
            [.. area.Where(r => r.Outcome == outcome && r.EndedMonth is { } end && In(end))];
        List<List<HandoverFigure>> HandedOver(IEnumerable<CaseStatisticsRow> area) =>
            [.. area.Select(r => r.Handovers.Where(h => In(h.TriggerMonth)).ToList()).Where(h => h.Count > 0)];
        var sources = partnerTypes.Append(CaseStatistics.UnknownPartnerType).Append(CaseStatisticsRow.CaseManagerSource).ToList();
        var recipients = partnerTypes.Append(CaseStatistics.Service).Append(CaseStatistics.UnknownPartnerType).ToList();
        var areas = new Areas(rows, municipalities, municipality);

        var cells = new List<ReportCell>();
        cells.AddRange(areas.Publish("cases", ["new", "active", "closed", "declined"], null, area => FigureTables.Counts(
            Opened(area).Count,
            area.Count(r => r.OpenedMonth <= last && (r.EndedMonth is not { } end || end >= first)),
            Ended(area, CaseStatisticsRow.Closed).Count,
            Ended(area, CaseStatisticsRow.Declined).Count)));
        cells.AddRange(areas.Publish("referral-source", sources, null, area => FigureTables.Distribution(sources, [.. Opened(area).Select(r => One(r.ReferralSource))])));
        cells.AddRange(areas.Publish("age-band", AgeBands.All, null, area => FigureTables.Distribution(AgeBands.All, [.. Opened(area).Select(r => One(r.AgeBand))])));
        var statuses = Names<ResidenceStatusCategory>().Append(CaseStatisticsRow.NotRecorded).ToList();
        cells.AddRange(areas.Publish("residence-status", statuses, null, area => FigureTables.Distribution(statuses, [.. Opened(area).Select(r => One(r.ResidenceStatus))])));
        var domains = Enum.GetValues<LegalDomain>().Select(d => d.ToName()).ToList();
        cells.AddRange(areas.Publish("legal-domain", domains, null, area => FigureTables.Distribution(domains, [.. Opened(area).Select(r => r.LegalDomains)])));
        cells.AddRange(areas.Publish("referrals", recipients, ReferralOutcomes, area => FigureTables.CrossTable(
            recipients, ReferralOutcomes, [.. area.Select(r => r.Referrals.Where(f => In(f.SentMonth)).Select(f => (f.PartnerType, f.Outcome)))])));
        var kinds = HandoverTemplate.All.Select(t => t.Kind).ToList();
        cells.AddRange(areas.Publish("handovers", kinds, HandoverStatuses, area => FigureTables.CrossTable(
            kinds, HandoverStatuses, [.. HandedOver(area).Select(h => h.Select(x => (x.Kind, x.Status)))])));
        cells.AddRange(areas.Publish("benefit-gap", BenefitGaps, null, area => FigureTables.Distribution(BenefitGaps, [.. HandedOver(area).Select(h => h.Select(Gap))])));
        cells.Add(new ReportCell("days-without-benefits", null, null, areas.SumOfFew(area => [.. HandedOver(area).Select(h => (long)h.Sum(x => x.DaysWithoutBenefits ?? 0)).Where(d => d > 0)])));
        var reasons = Names<ClosureReason>().Append(CaseStatisticsRow.NotRecorded).ToList();
        cells.AddRange(areas.Publish("closure-reason", reasons, null, area => FigureTables.Distribution(
            reasons, [.. Ended(area, CaseStatisticsRow.Closed).Select(r => One(r.ClosureReason ?? CaseStatisticsRow.NotRecorded))])));
        cells.AddRange(areas.Publish("duration", DurationBands, null, area => FigureTables.Distribution(
            DurationBands, [.. Ended(area, CaseStatisticsRow.Closed).Select(r => One(DurationBand(r.DurationDays ?? 0)))])));
        return cells;
    }

    /// <summary>
    /// <c>GET /api/reports/barriers</c>: cases with a barrier recorded in the period, by category and
    /// agency, suppressed together for the district and its municipalities. An agency named for fewer
    /// than 5 cases of the district is pooled into <see cref="OtherAgencies"/>, so that no rare name
    /// (which could point to a person) is ever printed.
    /// </summary>
    public static IReadOnlyList<ReportCell> Barriers(IEnumerable<CaseStatisticsRow> rows, IReadOnlyList<string> municipalities, string? municipality, DateOnly from, DateOnly to)
    {
        var (first, last) = (CaseStatistics.Month(from), CaseStatistics.Month(to));
        List<List<BarrierFigure>> Recorded(IEnumerable<CaseStatisticsRow> area) =>
            [.. area.Select(r => r.Barriers.Where(b => b.RecordedMonth >= first && b.RecordedMonth <= last).ToList()).Where(b => b.Count > 0)];
        var areas = new Areas(rows, municipalities, municipality);
        var named = Recorded(areas.All).SelectMany(b => b.Select(x => x.Agency).Distinct(StringComparer.Ordinal))
            .GroupBy(a => a, StringComparer.Ordinal)
            .Where(g => g.Count() >= SmallCellSuppression.Threshold)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        var agencies = named.Order(StringComparer.Ordinal).Append(OtherAgencies).ToList();
        var categories = Names<BarrierCategory>().ToList();
        return [.. areas.Publish("barriers", categories, agencies, area => FigureTables.CrossTable(
            categories, agencies, [.. Recorded(area).Select(b => b.Select(x => (x.Category, named.Contains(x.Agency) ? x.Agency : OtherAgencies)))]))];
    }

    private static IEnumerable<string> One(string label) => [label];

    /// <summary>The district's rows by municipality: the parts of every figure, and the one asked for.</summary>
    private sealed class Areas
    {
        private readonly List<List<CaseStatisticsRow>> _parts;
        private readonly int? _wanted;

        public Areas(IEnumerable<CaseStatisticsRow> rows, IReadOnlyList<string> municipalities, string? municipality)
        {
            ArgumentNullException.ThrowIfNull(rows);
            ArgumentNullException.ThrowIfNull(municipalities);
            All = [.. rows];

            // Rows of a municipality no longer listed still belong to the district's sums.
            var names = municipalities.Concat(All.Select(r => r.Municipality)).Append(municipality).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            _parts = [.. names.Select(m => All.Where(r => r.Municipality == m).ToList())];
            _wanted = municipality is null ? null : names.IndexOf(municipality);
        }

        public List<CaseStatisticsRow> All { get; }

        public IEnumerable<ReportCell> Publish(string figure, IReadOnlyList<string> labels, IReadOnlyList<string>? details, Func<List<CaseStatisticsRow>, FigureTable> count) =>
            FigureTables.Publish(figure, labels, details, [.. _parts.Select(count)], count(All), _wanted);

        /// <summary>
        /// A sum over the cases of the area that have something to add (days without benefits):
        /// published when at least 5 cases make it, and for the district only when not exactly one
        /// municipality has 1 to 4 such cases (the district's sum would give theirs away).
        /// </summary>
        public long? SumOfFew(Func<List<CaseStatisticsRow>, List<long>> values)
        {
            var few = _parts.Select(values).Count(v => v.Count is > 0 and < SmallCellSuppression.Threshold);
            var mine = values(_wanted is { } i ? _parts[i] : All);
            return mine.Count >= SmallCellSuppression.Threshold && (_wanted is not null || few != 1) ? mine.Sum() : null;
        }
    }

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
