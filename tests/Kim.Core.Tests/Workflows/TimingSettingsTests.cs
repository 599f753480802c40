using Kim.Core.Workflows;

namespace Kim.Core.Tests.Workflows;

public class TimingSettingsTests
{
    private static readonly TimingSettings Settings = new(
        new Dictionary<string, string> { ["PlanReview"] = "P2M" },
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["mk"] = new Dictionary<string, string> { ["FirstContactDue"] = "5wd", ["NoContact"] = "P4W" },
        },
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["iserlohn"] = new Dictionary<string, string> { ["noContact"] = "P3W", ["PartnerResponse"] = "7d" },
        });

    [Fact]
    public void Without_settings_the_defaults_of_the_domain_apply()
    {
        var options = TimingSettings.Default.For("mk", "luedenscheid");
        Assert.Equal(Interval.WorkingDays(10), options.FirstContactDue);
        Assert.Equal(Interval.Weeks(6), options.SupportPlanDue);
        Assert.Equal(Interval.Months(3), options.PlanReview);
        Assert.Equal(Interval.Weeks(6), options.NoContact);
        Assert.Equal(Interval.Weeks(8), options.ResidenceDocumentWarning);
        Assert.Equal(Interval.Weeks(8), options.BenefitPeriodWarning);
        Assert.Equal(Interval.Months(36), options.MaximumDuration);
        Assert.Equal(Interval.Days(14), options.PartnerResponse);
        Assert.Equal(Interval.WorkingDays(3), options.HandoverNotice);
    }

    [Fact]
    public void Municipality_beats_district_beats_default()
    {
        var iserlohn = Settings.For("mk", "iserlohn");
        Assert.Equal(Interval.Weeks(3), iserlohn.NoContact);          // municipality
        Assert.Equal(Interval.WorkingDays(5), iserlohn.FirstContactDue); // district
        Assert.Equal(Interval.Months(2), iserlohn.PlanReview);          // global setting
        Assert.Equal(Interval.Weeks(6), iserlohn.SupportPlanDue);       // default
        Assert.Equal(Interval.Days(7), iserlohn.PartnerResponse);

        var luedenscheid = Settings.For("mk", "luedenscheid");
        Assert.Equal(Interval.Weeks(4), luedenscheid.NoContact);

        var elsewhere = Settings.For("other", "somewhere");
        Assert.Equal(Interval.Weeks(6), elsewhere.NoContact);
        Assert.Equal(Interval.Months(2), elsewhere.PlanReview);
    }

    [Fact]
    public void Municipality_overrides_apply_without_a_known_district() =>
        Assert.Equal(Interval.Weeks(3), Settings.For(null, "ISERLOHN").NoContact);

    [Fact]
    public void A_misspelt_setting_fails_with_its_name()
    {
        var e = Assert.Throws<InvalidSettingException>(() => new TimingSettings(new Dictionary<string, string> { ["PlanReveiw"] = "P2M" }));
        Assert.Equal("Kim__Timing__PlanReveiw", e.Setting);
        Assert.StartsWith("Kim__Timing__PlanReveiw is not a timing setting; known: FirstContactDue, SupportPlanDue, PlanReview,", e.Message, StringComparison.Ordinal);
        Assert.Contains("ExtraHolidays", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_fails_with_its_setting()
    {
        var e = Assert.Throws<InvalidSettingException>(() => new TimingSettings(
            municipalities: new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["menden"] = new Dictionary<string, string> { ["Retention"] = "three years" },
            }));
        Assert.StartsWith("Kim__Timing__Municipalities__menden__Retention 'three years' is not an interval", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_option_has_a_setting_name() =>
        Assert.Equal(
            typeof(TimingOptions).GetProperties().Where(p => p.PropertyType == typeof(Interval)).Select(p => p.Name).Order(),
            TimingSettings.Names.Order());
}
