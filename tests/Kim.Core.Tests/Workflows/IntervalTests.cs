using Kim.Core.Workflows;

namespace Kim.Core.Tests.Workflows;

public class IntervalTests
{
    public static TheoryData<string, IntervalKind, int, double> Valid => new()
    {
        { "10wd", IntervalKind.WorkingDays, 10, 0 },
        { " 10 WD ", IntervalKind.WorkingDays, 10, 0 },
        { "14d", IntervalKind.Duration, 0, 14 },
        { "6w", IntervalKind.Duration, 0, 42 },
        { "3mo", IntervalKind.Months, 3, 0 },
        { "3y", IntervalKind.Months, 36, 0 },
        { "P14D", IntervalKind.Duration, 0, 14 },
        { "p6w", IntervalKind.Duration, 0, 42 },
        { "P3M", IntervalKind.Months, 3, 0 },
        { "P1Y6M", IntervalKind.Months, 18, 0 },
        { "PT12H", IntervalKind.Duration, 0, 0.5 },
        { "P1DT12H", IntervalKind.Duration, 0, 1.5 },
        { "14.00:00:00", IntervalKind.Duration, 0, 14 },
        { "12:00:00", IntervalKind.Duration, 0, 0.5 },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parses_the_documented_formats(string text, IntervalKind kind, int count, double days)
    {
        var interval = Interval.Parse(text);
        Assert.Equal(kind, interval.Kind);
        Assert.Equal(count, interval.Count);
        Assert.Equal(TimeSpan.FromDays(days), interval.Duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("P1M2D")]
    [InlineData("-1d")]
    [InlineData("-14.00:00:00")]
    [InlineData("10 working days")]
    [InlineData("1.5d")]
    public void Refuses_anything_else(string text)
    {
        Assert.False(Interval.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Interval.Parse(text));
    }

    [Theory]
    [InlineData("10wd", "10wd")]
    [InlineData("14d", "P14D")]
    [InlineData("6w", "P42D")]
    [InlineData("P3M", "P3M")]
    [InlineData("P36M", "P3Y")]
    [InlineData("PT12H", "PT12H")]
    [InlineData("P1DT2H30M", "P1DT2H30M")]
    public void Writes_a_canonical_form_that_parses_back(string text, string canonical)
    {
        var interval = Interval.Parse(text);
        Assert.Equal(canonical, interval.ToString());
        Assert.Equal(interval, Interval.Parse(interval.ToString()));
    }

    [Fact]
    public void Months_end_on_the_same_local_time_and_clamp_to_the_month_end()
    {
        var from = new DateTimeOffset(2026, 8, 31, 10, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(1)), Interval.Months(3).After(from, WorkingCalendar.Nrw));
    }

    [Fact]
    public void Before_a_day_counts_back_in_the_interval_unit()
    {
        var calendar = WorkingCalendar.Nrw;
        Assert.Equal(new DateOnly(2027, 2, 3), Interval.Weeks(8).Before(new DateOnly(2027, 3, 31), calendar));
        Assert.Equal(new DateOnly(2026, 11, 25), Interval.WorkingDays(3).Before(new DateOnly(2026, 11, 30), calendar));
        Assert.Equal(new DateOnly(2027, 1, 31), Interval.Months(2).Before(new DateOnly(2027, 3, 31), calendar));
    }
}
