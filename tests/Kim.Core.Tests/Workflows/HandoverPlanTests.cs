using Kim.Core.Cases;
using Kim.Core.Workflows;

namespace Kim.Core.Tests.Workflows;

public class HandoverPlanTests
{
    [Theory]
    [InlineData("2026-11-10", "2026-11-30", "2026-12-31")]
    [InlineData("2026-01-31", "2026-01-31", "2026-02-28")]
    [InlineData("2026-12-15", "2026-12-31", "2027-01-31")]
    [InlineData("2028-01-15", "2028-01-31", "2028-02-29")]
    [InlineData("2026-11-01", "2026-11-30", "2026-12-31")]
    public void Target_is_the_end_of_the_month_served_and_the_hard_deadline_the_end_of_the_next(string served, string target, string hard)
    {
        var plan = HandoverPlan.For(LegalDomain.AsylbLG, LegalDomain.SgbII, D(served))!;
        Assert.Equal(D(target), plan.Target);
        Assert.Equal(D(hard), plan.HardDeadline);
        Assert.Equal(D(hard), Assert.Single(plan.Steps, s => s.IsHardDeadline).DueDate);
    }

    [Fact]
    public void Steps_have_the_documented_deadlines()
    {
        var plan = HandoverPlan.For(LegalDomain.AsylbLG, LegalDomain.SgbII, D("2026-11-10"))!;
        Assert.Equal("asylblg-to-sgb2", plan.Kind);
        Assert.Equal(
            [
                ("residence-document", D("2026-11-30")),
                ("asylblg-end-confirmed", D("2026-11-30")),
                ("jobcentre-application", D("2026-12-31")),
                ("health-insurance", D("2026-12-31")),
                ("integration-course", D("2027-01-31")),
            ],
            plan.Steps.Select(s => (s.Step, s.DueDate)));
        Assert.Equal(HandoverSteps.JobcentreApplication, Assert.Single(plan.Steps, s => s.IsHardDeadline).Step);
    }

    [Fact]
    public void Kim_has_no_plan_for_other_changes_yet() =>
        Assert.Null(HandoverPlan.For(LegalDomain.SgbVIII, LegalDomain.SgbII, D("2026-11-10")));

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
