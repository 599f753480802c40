using Kim.Core.Reports;

namespace Kim.Core.Tests.Reports;

/// <summary>The report figures: whole months, counting cases, pooling rare agencies.</summary>
public sealed class StatisticsReportsTests
{
    private static readonly string[] PartnerTypes = ["job-centre", "welfare-organisation"];
    private static readonly string[] Municipalities = ["luedenscheid", "iserlohn", "menden"];

    private static CaseStatisticsRow Row(DateOnly opened, DateOnly? ended = null, string ageBand = AgeBands.From27To44, params BarrierFigure[] barriers) =>
        Row("luedenscheid", opened, ended, ageBand, barriers);

    private static CaseStatisticsRow Row(string municipality, DateOnly opened, DateOnly? ended = null, string ageBand = AgeBands.From27To44, params BarrierFigure[] barriers) => new(
        municipality, opened, ended is null ? CaseStatisticsRow.Open : CaseStatisticsRow.Closed, ended, "job-centre", ageBand, "recognised-refugee",
        ["AsylbLG"], [], [], barriers, ended is null ? null : "goals-met", ended is { } e ? e.DayNumber - opened.DayNumber : null);

    private static long? Value(IReadOnlyList<ReportCell> cells, string figure, string? category, string? detail = null) =>
        cells.Single(c => c.Figure == figure && c.Category == category && c.Detail == detail).Value;

    [Fact]
    public void A_period_counts_whole_months_and_a_case_open_across_it_is_active_but_not_new()
    {
        var november = new DateOnly(2026, 11, 1);
        var rows = Enumerable.Range(0, 6).Select(_ => Row(november))
            .Append(Row(new DateOnly(2026, 9, 1)))
            .Concat(Enumerable.Range(0, 5).Select(_ => Row(new DateOnly(2026, 6, 1), ended: new DateOnly(2026, 11, 1))))
            .ToList();

        var cells = StatisticsReports.Cases(rows, Municipalities, "luedenscheid", new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21), PartnerTypes);

        Assert.Equal(6, Value(cells, "cases", "new"));
        Assert.Equal(12, Value(cells, "cases", "active"));
        Assert.Equal(5, Value(cells, "cases", "closed"));
        Assert.Null(Value(cells, "cases", "declined"));
        Assert.Equal(6, Value(cells, "age-band", AgeBands.From27To44));
        Assert.Null(Value(cells, "age-band", AgeBands.Under18));
        Assert.Equal(6, Value(cells, "age-band", null));
        Assert.Equal(5, Value(cells, "closure-reason", "goals-met"));
        Assert.Equal(5, Value(cells, "duration", "91-180-days") ?? Value(cells, "duration", "181-365-days"));
    }

    [Fact]
    public void A_small_municipality_cannot_be_worked_out_as_the_district_minus_the_others()
    {
        var november = new DateOnly(2026, 11, 1);
        var rows = Enumerable.Range(0, 7).Select(_ => Row("luedenscheid", november))
            .Concat(Enumerable.Range(0, 6).Select(_ => Row("iserlohn", november)))
            .Concat(Enumerable.Range(0, 3).Select(_ => Row("menden", november)))
            .ToList();

        var published = Municipalities.Append(null).Select(m => Value(StatisticsReports.Cases(rows, Municipalities, m, november, november, PartnerTypes), "cases", "new")).ToList();

        // Menden's 3 is suppressed; so is the next smallest, Iserlohn's 6, else 16 − 7 − 6 would give it away.
        Assert.Equal([7, null, null, 16], published);
    }

    [Fact]
    public void An_agency_named_for_fewer_than_five_cases_is_pooled_and_never_printed()
    {
        var month = new DateOnly(2026, 11, 1);
        var rows = Enumerable.Range(0, 6).Select(_ => Row(month, barriers: new BarrierFigure("waiting-time", "Ausländerbehörde", month)))
            .Append(Row(month, barriers: new BarrierFigure("waiting-time", "Frau Schulz im Amt", month)))
            .ToList();

        var cells = StatisticsReports.Barriers(rows, Municipalities, null, month, month);

        Assert.DoesNotContain(cells, c => c.Detail == "Frau Schulz im Amt");
        Assert.Contains(cells, c => c.Detail == "Ausländerbehörde");
        Assert.Equal(7, Value(cells, "barriers", "waiting-time"));
        // The pooled 1 is suppressed, and with it the 6 beside it, which the row total 7 would otherwise give away.
        Assert.Null(Value(cells, "barriers", "waiting-time", StatisticsReports.OtherAgencies));
        Assert.Null(Value(cells, "barriers", "waiting-time", "Ausländerbehörde"));
    }
}
