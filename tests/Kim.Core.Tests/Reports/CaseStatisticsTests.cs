using Kim.Core.Cases;
using Kim.Core.Reports;
using Kim.Core.Workflows;
using Barrier = Kim.Core.Cases.Barrier;

namespace Kim.Core.Tests.Reports;

/// <summary>The statistics row of a case: categories only, from the case state alone.</summary>
public sealed class CaseStatisticsTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    private static readonly Dictionary<string, string> PartnerTypes = new(StringComparer.Ordinal)
    {
        ["caritas-luedenscheid"] = "welfare-organisation",
        ["jobcenter-mk"] = "job-centre",
    };

    private static CaseWorkflowState ClosedCase() => new()
    {
        CaseId = "c-7f3k2m9q1w",
        Municipality = "luedenscheid",
        District = "mk",
        State = CaseState.Closed,
        Client = new Client
        {
            GivenName = "Amira",
            FamilyName = "Haddad",
            DateOfBirth = new DateOnly(2000, 3, 1),
            Phone = "+49 2351 12345",
            ResidenceStatus = ResidenceStatusCategory.RecognisedRefugee,
            LegalDomains = [LegalDomain.AsylbLG, LegalDomain.SgbII],
        },
        Needs = new Needs { LifeDomains = [LifeDomain.Health], Text = "Psychotherapie gesucht" },
        Source = new CaseSource("caritas-luedenscheid", "CAR-2026-17"),
        OpenedBy = "caritas-luedenscheid",
        // 23:30 Berlin on 31 October is 1 November in UTC+0 terms only after midnight: the Berlin day counts.
        OpenedAt = new DateTimeOffset(2026, 10, 31, 22, 30, 0, TimeSpan.Zero),
        EndedAt = new DateTimeOffset(2027, 2, 10, 10, 0, 0, Winter),
        ClosureReason = ClosureReason.GoalsMet,
        Referrals =
        [
            new ReferralSummary("r-1", "c-7f3k2m9q1w:r-1", "Beratung Frau Haddad", "consent-2", ReferralState.Done,
                new DateTimeOffset(2026, 11, 20, 0, 0, 0, Winter), new DateTimeOffset(2026, 11, 6, 9, 0, 0, Winter),
                PartnerId: "caritas-luedenscheid", Successful: true),
            new ReferralSummary("r-2", "c-7f3k2m9q1w:r-2", "Sprachkurs", "consent-3", ReferralState.Rejected,
                new DateTimeOffset(2026, 12, 20, 0, 0, 0, Winter), new DateTimeOffset(2026, 12, 6, 9, 0, 0, Winter),
                Service: "VHS Lüdenscheid", Reason: "voll"),
            new ReferralSummary("r-3", "c-7f3k2m9q1w:r-3", "Arbeit", "consent-4", ReferralState.Sent,
                new DateTimeOffset(2027, 1, 20, 0, 0, 0, Winter), new DateTimeOffset(2027, 1, 6, 9, 0, 0, Winter),
                PartnerId: "gone-partner"),
        ],
        Handovers =
        [
            Handover("h-1", served: new DateOnly(2026, 11, 10), applied: new DateTimeOffset(2027, 1, 4, 9, 0, 0, Winter)),
            Handover("h-2", served: new DateOnly(2026, 11, 10), applied: new DateTimeOffset(2026, 12, 31, 22, 0, 0, Winter)),
            Handover("h-3", served: new DateOnly(2026, 11, 10), applied: null),
        ],
        Barriers =
        [
            new Barrier("b-1", BarrierCategory.WaitingTime, "  Ausländerbehörde   Märkischer  Kreis ", "Termin erst in 4 Monaten, Frau H. verzweifelt",
                new DateTimeOffset(2026, 11, 30, 23, 30, 0, Winter), "cm-luedenscheid"),
        ],
    };

    private static HandoverSummary Handover(string id, DateOnly served, DateTimeOffset? applied)
    {
        var plan = HandoverPlan.For(LegalDomain.AsylbLG, LegalDomain.SgbII, served)!;
        var steps = plan.StepStatuses(WorkingCalendar.Nrw)
            .Select(s => s.Step == HandoverSteps.JobcentreApplication ? s with { ConfirmedAt = applied, ConfirmedBy = applied is null ? null : "cm-luedenscheid" } : s)
            .ToList();
        return new HandoverSummary(id, $"c-7f3k2m9q1w:{id}", plan.Kind, plan.From, plan.To, plan.TriggerDate, plan.Target, plan.HardDeadline, steps, HandoverStatus.Completed);
    }

    [Fact]
    public void The_row_holds_the_categories_of_the_case_in_Berlin_months()
    {
        var row = CaseStatistics.Of(ClosedCase(), PartnerTypes, WorkingCalendar.Nrw);

        Assert.Equal("luedenscheid", row.Municipality);
        Assert.Equal(new DateOnly(2026, 10, 1), row.OpenedMonth);
        Assert.Equal(CaseStatisticsRow.Closed, row.Outcome);
        Assert.Equal(new DateOnly(2027, 2, 1), row.EndedMonth);
        Assert.Equal("welfare-organisation", row.ReferralSource);
        Assert.Equal(AgeBands.From18To26, row.AgeBand);
        Assert.Equal("recognised-refugee", row.ResidenceStatus);
        Assert.Equal(["AsylbLG", "SGB II"], row.LegalDomains);
        Assert.Equal(
            [new ReferralFigure("welfare-organisation", "successful", new DateOnly(2026, 11, 1)),
             new ReferralFigure(CaseStatistics.Service, "rejected", new DateOnly(2026, 12, 1)),
             new ReferralFigure(CaseStatistics.UnknownPartnerType, "open", new DateOnly(2027, 1, 1))],
            row.Referrals);
        Assert.Equal("goals-met", row.ClosureReason);
        // 31 Oct 2026 to 10 Feb 2027 (Berlin days).
        Assert.Equal(102, row.DurationDays);
        Assert.Equal(new BarrierFigure("waiting-time", "Ausländerbehörde Märkischer Kreis", new DateOnly(2026, 11, 1)), row.Barriers.Single());
    }

    [Fact]
    public void Days_without_benefits_count_the_months_between_the_end_of_AsylbLG_and_the_month_of_the_application()
    {
        var row = CaseStatistics.Of(ClosedCase(), PartnerTypes, WorkingCalendar.Nrw);

        // Served 10 Nov: AsylbLG ends 30 Nov. Applied in January → December unpaid (31 days), in December
        // (the hard deadline day, 23:00 Berlin) → no gap; not applied → unknown.
        Assert.Equal([31, 0, null], row.Handovers.Select(h => h.DaysWithoutBenefits));
        Assert.All(row.Handovers, h => Assert.Equal(("asylblg-to-sgb2", "completed", new DateOnly(2026, 11, 1)), (h.Kind, h.Status, h.TriggerMonth)));
    }

    [Fact]
    public void The_row_names_no_person_no_case_no_partner_and_holds_no_free_text()
    {
        var state = ClosedCase();
        var json = KimJson.ToElement(CaseStatistics.Of(state, PartnerTypes, WorkingCalendar.Nrw)).GetRawText();

        foreach (var secret in new[]
        {
            state.CaseId, "Amira", "Haddad", "2000-03-01", "+49", "Psychotherapie", "CAR-2026", "caritas-luedenscheid", "gone-partner",
            "Beratung Frau", "VHS", "voll", "verzweifelt", "cm-luedenscheid", "consent-",
        })
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_open_case_opened_by_a_case_manager_without_birth_date_or_status_says_so()
    {
        var state = ClosedCase() with
        {
            State = CaseState.Monitoring,
            Source = new CaseSource(),
            Client = new Client { GivenName = "Amira" },
            Referrals = [],
            Handovers = [],
            Barriers = [],
        };

        var row = CaseStatistics.Of(state, PartnerTypes, WorkingCalendar.Nrw);

        Assert.Equal(
            (CaseStatisticsRow.Open, (DateOnly?)null, CaseStatisticsRow.CaseManagerSource, CaseStatisticsRow.NotRecorded, CaseStatisticsRow.NotRecorded, (string?)null, (int?)null),
            (row.Outcome, row.EndedMonth, row.ReferralSource, row.AgeBand, row.ResidenceStatus, row.ClosureReason, row.DurationDays));
        Assert.Empty(row.LegalDomains);
    }

    [Theory]
    [InlineData("2008-11-03", AgeBands.Under18)]
    [InlineData("2008-11-02", AgeBands.From18To26)]
    [InlineData("1999-11-03", AgeBands.From18To26)]
    [InlineData("1999-11-02", AgeBands.From27To44)]
    [InlineData("1981-11-02", AgeBands.From45To64)]
    [InlineData("1961-11-03", AgeBands.From45To64)]
    [InlineData("1961-11-02", AgeBands.From65)]
    public void The_age_band_is_the_age_on_the_day_of_opening(string birth, string band) =>
        Assert.Equal(band, AgeBands.Of(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 11, 2)));
}
