using Kim.Core.Mail;

namespace Kim.Core.Tests.Mail;

public sealed class ReminderScheduleTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);

    [Fact]
    public void Default_expression_fires_at_seven_Berlin_time_on_weekdays_only()
    {
        var schedule = ReminderSchedule.Parse(null);

        var occurrences = schedule.Occurrences(Utc(2026, 1, 4, 0), Utc(2026, 1, 18, 0)); // two winter weeks

        Assert.Equal(ReminderSchedule.DefaultExpression, schedule.Expression);
        Assert.Equal(10, occurrences.Count);
        Assert.All(occurrences, o =>
        {
            Assert.Equal(new TimeOnly(7, 0), TimeOnly.FromDateTime(o.Local.DateTime));
            Assert.Equal(TimeSpan.FromHours(1), o.Local.Offset);
            Assert.Equal(6, o.Instant.UtcDateTime.Hour);
            Assert.NotEqual(DayOfWeek.Saturday, o.LocalDate.DayOfWeek);
            Assert.NotEqual(DayOfWeek.Sunday, o.LocalDate.DayOfWeek);
        });
    }

    [Fact]
    public void Default_expression_moves_from_six_to_five_UTC_across_spring_forward()
    {
        var schedule = ReminderSchedule.Parse(ReminderSchedule.DefaultExpression);

        var occurrences = schedule.Occurrences(Utc(2026, 3, 26, 12), Utc(2026, 3, 31, 12));

        Assert.Equal(
            [Utc(2026, 3, 27, 6), Utc(2026, 3, 30, 5), Utc(2026, 3, 31, 5)],
            occurrences.Select(o => o.Instant));
        Assert.Equal(Utc(2026, 3, 30, 5), schedule.Next(Utc(2026, 3, 27, 6))!.Value.Instant);
    }

    [Fact]
    public void Default_expression_moves_from_five_to_six_UTC_across_fall_back()
    {
        var schedule = ReminderSchedule.Parse(ReminderSchedule.DefaultExpression);

        var occurrences = schedule.Occurrences(Utc(2026, 10, 22, 12), Utc(2026, 10, 27, 12));

        Assert.Equal(
            [Utc(2026, 10, 23, 5), Utc(2026, 10, 26, 6), Utc(2026, 10, 27, 6)],
            occurrences.Select(o => o.Instant));
        Assert.All(occurrences, o => Assert.Equal(7, o.Local.Hour));
    }

    [Fact]
    public void Half_past_two_in_the_skipped_spring_hour_fires_once_an_hour_later_by_the_wall_clock()
    {
        var schedule = ReminderSchedule.Parse("0 30 2 * * *");

        var occurrences = schedule.Occurrences(Utc(2026, 3, 27, 12), Utc(2026, 3, 30, 12));

        // 28th 02:30 CET, 29th 02:30 does not exist: 03:30 CEST (24 h after the day before), 30th 02:30 CEST.
        Assert.Equal(
            [Utc(2026, 3, 28, 1, 30), Utc(2026, 3, 29, 1, 30), Utc(2026, 3, 30, 0, 30)],
            occurrences.Select(o => o.Instant));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)), occurrences[1].Local);
    }

    [Fact]
    public void Half_past_two_in_the_repeated_autumn_hour_fires_once()
    {
        var schedule = ReminderSchedule.Parse("0 30 2 * * *");

        var occurrences = schedule.Occurrences(Utc(2026, 10, 23, 12), Utc(2026, 10, 26, 12));

        Assert.Equal(
            [Utc(2026, 10, 24, 0, 30), Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 26, 1, 30)],
            occurrences.Select(o => o.Instant));
        Assert.Equal(Utc(2026, 10, 26, 1, 30), schedule.Next(Utc(2026, 10, 25, 0, 30))!.Value.Instant);
    }

    [Theory]
    [InlineData(2026, 3, 28, 22)] // spring forward night
    [InlineData(2026, 10, 24, 22)] // fall back night
    public void Every_ten_seconds_ticks_evenly_through_a_daylight_saving_night(int year, int month, int day, int hour)
    {
        var schedule = ReminderSchedule.Parse("*/10 * * * * *");
        var from = Utc(year, month, day, hour);

        var occurrences = schedule.Occurrences(from, from.AddHours(6));

        Assert.Equal(6 * 360, occurrences.Count);
        Assert.Equal(from.AddSeconds(10), occurrences[0].Instant);
        for (var i = 1; i < occurrences.Count; i++)
        {
            Assert.Equal(TimeSpan.FromSeconds(10), occurrences[i].Instant - occurrences[i - 1].Instant);
        }
    }

    [Theory]
    [InlineData(2026, 3, 28, 20)]
    [InlineData(2026, 10, 24, 20)]
    public void Hourly_fires_once_every_real_hour_through_a_daylight_saving_night(int year, int month, int day, int hour)
    {
        var schedule = ReminderSchedule.Parse("0 0 * * * *");
        var from = Utc(year, month, day, hour);

        var occurrences = schedule.Occurrences(from, from.AddHours(10));

        Assert.Equal(Enumerable.Range(1, 10).Select(h => from.AddHours(h)), occurrences.Select(o => o.Instant));
    }

    [Fact]
    public void Next_every_ten_seconds_is_ten_seconds_later()
    {
        var schedule = ReminderSchedule.Parse("*/10 * * * * *");

        Assert.Equal(Utc(2026, 11, 2, 9, 0, 10), schedule.Next(Utc(2026, 11, 2, 9, 0, 3))!.Value.Instant);
        Assert.Equal(Utc(2026, 11, 2, 9, 0, 20), schedule.Next(Utc(2026, 11, 2, 9, 0, 10))!.Value.Instant);
    }

    [Fact]
    public void Next_finds_a_rare_occurrence_far_ahead_and_null_when_there_is_none()
    {
        Assert.Equal(Utc(2028, 2, 28, 23), ReminderSchedule.Parse("0 0 0 29 2 *").Next(Utc(2026, 3, 1, 0))!.Value.Instant);
        Assert.Null(ReminderSchedule.Parse("0 0 0 30 2 *").Next(Utc(2026, 3, 1, 0)));
    }

    [Fact]
    public void Occurrence_id_is_the_UTC_instant_in_ISO_form_and_stable_across_runs()
    {
        var first = ReminderSchedule.Parse(null).Next(Utc(2026, 3, 27, 6))!.Value;
        var again = ReminderSchedule.Parse(null).Next(Utc(2026, 3, 28, 0))!.Value;

        Assert.Equal("2026-03-30T05:00:00Z", first.Id);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(new DateOnly(2026, 3, 30), first.LocalDate);
    }

    [Theory]
    [InlineData("0 7 * * 1-5")]
    [InlineData("every morning")]
    [InlineData("0 0 25 * * *")]
    public void A_bad_expression_names_the_setting(string expression)
    {
        var error = Assert.Throws<InvalidSettingException>(() => ReminderSchedule.Parse(expression));

        Assert.Contains("Kim__Reminders__Schedule", error.Message, StringComparison.Ordinal);
    }
}
