using Kim.Core.Workflows;

namespace Kim.Core.Tests.Workflows;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Nrw;
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    /// <summary>NRW's public holidays by year, written out from the official calendars.</summary>
    public static TheoryData<int, string[]> NrwHolidays => new()
    {
        // Reformation Day 2017 (500th anniversary) was a one-off public holiday in every state.
        { 2017, ["01-01", "04-14", "04-17", "05-01", "05-25", "06-05", "06-15", "10-03", "10-31", "11-01", "12-25", "12-26"] },
        { 2025, ["01-01", "04-18", "04-21", "05-01", "05-29", "06-09", "06-19", "10-03", "11-01", "12-25", "12-26"] },
        { 2026, ["01-01", "04-03", "04-06", "05-01", "05-14", "05-25", "06-04", "10-03", "11-01", "12-25", "12-26"] },
        { 2027, ["01-01", "03-26", "03-29", "05-01", "05-06", "05-17", "05-27", "10-03", "11-01", "12-25", "12-26"] },
        { 2028, ["01-01", "04-14", "04-17", "05-01", "05-25", "06-05", "06-15", "10-03", "11-01", "12-25", "12-26"] },
        { 2029, ["01-01", "03-30", "04-02", "05-01", "05-10", "05-21", "05-31", "10-03", "11-01", "12-25", "12-26"] },
        { 2030, ["01-01", "04-19", "04-22", "05-01", "05-30", "06-10", "06-20", "10-03", "11-01", "12-25", "12-26"] },
    };

    [Theory]
    [MemberData(nameof(NrwHolidays))]
    public void Exactly_NRWs_public_holidays_are_holidays(int year, string[] expected)
    {
        // New Year, Good Friday, Easter Monday, 1 May, Ascension, Whit Monday, Corpus Christi,
        // German Unity, All Saints, Christmas and Boxing Day; none of the other states' days
        // (Epiphany 6 Jan, Women's Day 8 Mar, Assumption 15 Aug, Children's Day 20 Sep,
        // Reformation Day 31 Oct, Repentance Day in November).
        var holidays = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365)
            .Select(offset => new DateOnly(year, 1, 1).AddDays(offset))
            .Where(Calendar.IsHoliday)
            .Select(day => day.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, holidays);
    }

    [Theory]
    [InlineData("2026-04-03")] // Good Friday
    [InlineData("2026-04-06")] // Easter Monday
    [InlineData("2026-05-14")] // Ascension
    [InlineData("2026-05-25")] // Whit Monday
    [InlineData("2026-06-04")] // Corpus Christi
    [InlineData("2027-03-26")]
    [InlineData("2027-03-29")]
    [InlineData("2027-05-06")]
    [InlineData("2027-05-17")]
    [InlineData("2027-05-27")]
    [InlineData("2026-01-01")]
    [InlineData("2026-05-01")]
    [InlineData("2026-10-03")]
    [InlineData("2026-11-01")]
    [InlineData("2026-12-25")]
    [InlineData("2026-12-26")]
    public void NRW_holidays_are_not_working_days(string day)
    {
        Assert.True(Calendar.IsHoliday(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.False(Calendar.IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Christmas_eve_is_a_working_day_unless_configured() =>
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 12, 24)));

    [Fact]
    public void Ten_working_days_skip_the_easter_weekend_and_its_holidays()
    {
        // Thursday before Easter 2026: Good Friday, the weekend and Easter Monday do not count.
        var due = Calendar.AddWorkingDays(new DateOnly(2026, 4, 2), 10);
        Assert.Equal(new DateOnly(2026, 4, 20), due);
        Assert.Equal(10, Calendar.WorkingDaysBetween(new DateOnly(2026, 4, 2), due));
        Assert.Equal(-10, Calendar.WorkingDaysBetween(due, new DateOnly(2026, 4, 2)));
    }

    [Fact]
    public void Working_days_count_backwards_too() =>
        Assert.Equal(new DateOnly(2026, 4, 2), Calendar.AddWorkingDays(new DateOnly(2026, 4, 7), -1));

    [Fact]
    public void Zero_working_days_is_the_day_itself() =>
        Assert.Equal(new DateOnly(2026, 4, 4), Calendar.AddWorkingDays(new DateOnly(2026, 4, 4), 0));

    [Fact]
    public void Extra_holidays_from_configuration_are_not_working_days()
    {
        var calendar = new WorkingCalendar([new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 31)]);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 12, 24)));
        // Wed 23rd + 2: 24th, 25th, 26th-27th (weekend) skipped → Mon 28th, Tue 29th.
        Assert.Equal(new DateOnly(2026, 12, 29), calendar.AddWorkingDays(new DateOnly(2026, 12, 23), 2));
    }

    [Fact]
    public void Extra_holidays_are_read_from_their_setting()
    {
        var calendar = WorkingCalendar.FromSetting("2026-12-24, 2026-12-31;2027-02-08");
        Assert.Equal(3, calendar.ExtraHolidays.Count);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 8)));
        Assert.Empty(WorkingCalendar.FromSetting(null).ExtraHolidays);
        Assert.Equal("Kim__Timing__ExtraHolidays", Assert.Throws<InvalidSettingException>(() => WorkingCalendar.FromSetting("24.12.2026")).Setting);
    }

    [Fact]
    public void A_day_deadline_falls_due_at_the_end_of_the_day_in_Berlin_across_the_clock_change()
    {
        // Summer time ends on Sunday 2026-10-25 at 03:00 CEST.
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 0, 0, Summer), Calendar.EndOfDay(new DateOnly(2026, 10, 24)));
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 0, 0, 0, Winter), Calendar.EndOfDay(new DateOnly(2026, 10, 25)));
        Assert.Equal(TimeSpan.FromHours(25), Calendar.EndOfDay(new DateOnly(2026, 10, 25)) - Calendar.EndOfDay(new DateOnly(2026, 10, 24)));
    }

    [Fact]
    public void Working_day_deadline_over_the_clock_change_ends_at_local_midnight()
    {
        var friday = new DateTimeOffset(2026, 10, 23, 10, 0, 0, Summer);
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 0, 0, 0, Winter), Interval.WorkingDays(1).After(friday, Calendar));
    }

    [Fact]
    public void Fourteen_days_keep_the_local_time_of_day_across_the_clock_change()
    {
        var from = new DateTimeOffset(2026, 10, 20, 10, 0, 0, Summer);
        var due = Interval.Days(14).After(from, Calendar);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 10, 0, 0, Winter), due);
        Assert.Equal(TimeSpan.FromHours((14 * 24) + 1), due - from);
    }

    [Fact]
    public void Notices_go_out_at_eight_local_time() =>
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 7, 0, 0, TimeSpan.Zero), Calendar.MorningOf(new DateOnly(2026, 10, 26)));

    [Fact]
    public void Local_times_that_occur_twice_or_never_are_resolved()
    {
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, Summer), Calendar.ToInstant(new DateTime(2026, 10, 25, 2, 30, 0)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 30, 0, Summer), Calendar.ToInstant(new DateTime(2026, 3, 29, 2, 30, 0)));
    }

    [Fact]
    public void Due_dates_from_people_are_days_or_instants_with_offset()
    {
        Assert.True(Calendar.TryParseDue("2026-12-01", dayMeansEnd: true, out var end));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, Winter), end);
        Assert.True(Calendar.TryParseDue("2026-12-01", dayMeansEnd: false, out var morning));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, Winter), morning);
        Assert.True(Calendar.TryParseDue("2026-12-01T09:00:00+01:00", dayMeansEnd: true, out var instant));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Winter), instant);
        Assert.True(Calendar.TryParseDue("2026-12-01T08:00:00Z", dayMeansEnd: true, out _));
        Assert.False(Calendar.TryParseDue("2026-12-01T09:00:00", dayMeansEnd: true, out _));
        Assert.False(Calendar.TryParseDue("next week", dayMeansEnd: true, out _));
    }
}
