using System.Globalization;
using PublicHoliday;

namespace Kim.Core.Workflows;

/// <summary>
/// Working days in NRW (Monday to Friday without the state's public holidays and a configurable
/// extra list) and the local time of Europe/Berlin, in which all deadlines are meant.
/// </summary>
/// <remarks>
/// Deadline rule: a deadline given as a day ("within 10 working days", "by 2026-11-30") falls due
/// at the <b>end of that day</b> in Europe/Berlin, i.e. at 00:00 local time of the next day
/// (<see cref="EndOfDay"/>): a timer that fires then means "missed". Notices ahead of a deadline
/// ("3 working days before", "8 weeks before the permit expires") go out in the morning of their day
/// at <see cref="NoticeTime"/> (08:00 local, <see cref="MorningOf"/>). Both are DST-correct.
/// </remarks>
public sealed class WorkingCalendar
{
    /// <summary>When notices go out: the start of an office's working day.</summary>
    public static readonly TimeOnly NoticeTime = new(8, 0);

    // The PublicHoliday package's German calendar for NRW; without a state it knows only the
    // holidays all states share. WorkingCalendarTests pin its NRW list against literal dates.
    private static readonly GermanPublicHoliday NrwPublicHolidays = new() { State = GermanPublicHoliday.States.NW };

    private readonly HashSet<DateOnly> _extraHolidays;

    public WorkingCalendar(IEnumerable<DateOnly>? extraHolidays = null, TimeZoneInfo? zone = null)
    {
        _extraHolidays = [.. extraHolidays ?? []];
        Zone = zone ?? Berlin;
    }

    /// <summary>
    /// A calendar from the setting <c>Kim__Timing__ExtraHolidays</c>: days (<c>yyyy-MM-dd</c>) separated
    /// by commas, semicolons or spaces, e.g. <c>2026-12-24,2026-12-31</c>.
    /// </summary>
    /// <exception cref="InvalidSettingException">A day is not <c>yyyy-MM-dd</c>.</exception>
    public static WorkingCalendar FromSetting(string? extraHolidays)
    {
        var days = (extraHolidays ?? string.Empty)
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new InvalidSettingException("Kim:Timing:ExtraHolidays", $"'{text}' is not a day: use yyyy-MM-dd, separated by commas, e.g. 2026-12-24,2026-12-31."));
        return new WorkingCalendar(days);
    }

    public static TimeZoneInfo Berlin { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>NRW holidays only, Europe/Berlin.</summary>
    public static WorkingCalendar Nrw { get; } = new();

    public TimeZoneInfo Zone { get; }

    public IReadOnlyCollection<DateOnly> ExtraHolidays => _extraHolidays;

    /// <summary>
    /// A public holiday of North Rhine-Westphalia (Feiertagsgesetz NW, and 3 October by the
    /// Unification Treaty: New Year, Good Friday, Easter Monday, 1 May, Ascension, Whit Monday,
    /// Corpus Christi, 3 October, All Saints, 25 and 26 December; and one-offs such as Reformation
    /// Day 2017) or a configured extra holiday.
    /// </summary>
    public bool IsHoliday(DateOnly day) =>
        _extraHolidays.Contains(day) || NrwPublicHolidays.IsPublicHoliday(day.ToDateTime(TimeOnly.MinValue));

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day);

    /// <summary>
    /// The <paramref name="count"/>-th working day after <paramref name="day"/> (before it, for a
    /// negative count); <paramref name="day"/> itself does not count. Zero returns the day unchanged.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly day, int count)
    {
        var step = Math.Sign(count);
        var left = Math.Abs(count);
        var current = day;
        while (left > 0)
        {
            current = current.AddDays(step);
            if (IsWorkingDay(current))
            {
                left--;
            }
        }

        return current;
    }

    /// <summary>
    /// Working days in (<paramref name="from"/>, <paramref name="to"/>]; negative when
    /// <paramref name="to"/> is earlier. The inverse of <see cref="AddWorkingDays"/> for working days.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The local calendar day of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant at which a local wall-clock time occurs (see <see cref="ToInstant(DateTime)"/>).</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time) => ToInstant(day.ToDateTime(time));

    /// <summary>When a deadline on <paramref name="day"/> is missed: 00:00 local time of the next day.</summary>
    public DateTimeOffset EndOfDay(DateOnly day) => At(day.AddDays(1), TimeOnly.MinValue);

    /// <summary>When a notice for <paramref name="day"/> goes out: <see cref="NoticeTime"/> local time.</summary>
    public DateTimeOffset MorningOf(DateOnly day) => At(day, NoticeTime);

    /// <summary>
    /// Adds a span on the local wall clock, so that "14 days" ends at the same local time of day even
    /// across a change to or from summer time.
    /// </summary>
    public DateTimeOffset AddWallClock(DateTimeOffset from, TimeSpan span) => ToInstant(ToLocal(from) + span);

    /// <summary>Adds calendar months on the local wall clock (the 31st becomes the month's last day).</summary>
    public DateTimeOffset AddMonths(DateTimeOffset from, int months) => ToInstant(ToLocal(from).AddMonths(months));

    /// <summary>
    /// The instant of a local wall-clock time. A time that does not exist (the hour skipped in spring)
    /// moves forward by the skipped hour; a time that occurs twice (autumn) is taken at its first occurrence.
    /// </summary>
    public DateTimeOffset ToInstant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            var before = Zone.GetUtcOffset(unspecified.AddHours(-3));
            var after = Zone.GetUtcOffset(unspecified.AddHours(3));
            unspecified += after - before;
        }

        var offset = Zone.IsAmbiguousTime(unspecified)
            ? Zone.GetAmbiguousTimeOffsets(unspecified).Max()
            : Zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset);
    }

    /// <summary>
    /// Reads a due date given by a person: a day (<c>2026-12-01</c>), meaning its end
    /// (<paramref name="dayMeansEnd"/>) or its morning, or an instant with offset
    /// (<c>2026-12-01T09:00:00+01:00</c>). An instant without offset is refused: its zone would be a guess.
    /// </summary>
    public bool TryParseDue(string? text, bool dayMeansEnd, out DateTimeOffset due)
    {
        due = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            due = dayMeansEnd ? EndOfDay(day) : MorningOf(day);
            return true;
        }

        var time = value.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        var hasOffset = time > 0 && (value.EndsWith('Z') || value.EndsWith('z') || value.IndexOfAny(['+', '-'], time) > 0);
        return hasOffset
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out due);
    }

    private DateTime ToLocal(DateTimeOffset instant) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, Zone).DateTime, DateTimeKind.Unspecified);
}
