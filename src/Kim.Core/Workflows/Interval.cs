using System.Globalization;
using System.Text.RegularExpressions;

namespace Kim.Core.Workflows;

/// <summary>
/// A workflow interval as configured: a duration, a number of calendar months or a number of
/// working days.
/// </summary>
/// <remarks>
/// Accepted text (case-insensitive, surrounding spaces ignored):
/// <list type="bullet">
/// <item><c>10wd</c>: working days.</item>
/// <item><c>14d</c>, <c>6w</c>, <c>3mo</c>, <c>3y</c>: days, weeks, months, years.</item>
/// <item>ISO 8601 durations: <c>P14D</c>, <c>P6W</c>, <c>P3M</c>, <c>P3Y</c>, <c>PT12H</c>, <c>P1DT12H</c>;
/// years and months may not be mixed with weeks, days or time.</item>
/// <item>.NET <see cref="TimeSpan"/> text: <c>14.00:00:00</c>, <c>12:00:00</c>.</item>
/// </list>
/// <see cref="ToString"/> writes the canonical form: <c>10wd</c>, <c>P3M</c>, <c>P14D</c>, <c>PT12H</c>.
/// </remarks>
public readonly partial record struct Interval
{
    private Interval(IntervalKind kind, int count, TimeSpan duration)
    {
        Kind = kind;
        Count = count;
        Duration = duration;
    }

    public IntervalKind Kind { get; }

    /// <summary>Months or working days; zero for a duration.</summary>
    public int Count { get; }

    /// <summary>The duration; zero for months and working days.</summary>
    public TimeSpan Duration { get; }

    public static Interval WorkingDays(int count) => new(IntervalKind.WorkingDays, NonNegative(count), TimeSpan.Zero);

    public static Interval Days(int count) => Of(TimeSpan.FromDays(NonNegative(count)));

    public static Interval Weeks(int count) => Days(NonNegative(count) * 7);

    public static Interval Months(int count) => new(IntervalKind.Months, NonNegative(count), TimeSpan.Zero);

    public static Interval Years(int count) => Months(NonNegative(count) * 12);

    public static Interval Of(TimeSpan duration) =>
        duration >= TimeSpan.Zero
            ? new(IntervalKind.Duration, 0, duration)
            : throw new ArgumentOutOfRangeException(nameof(duration), "An interval is not negative.");

    /// <summary>The instant an interval after <paramref name="from"/> ends (see <see cref="WorkingCalendar"/> for the day rule).</summary>
    public DateTimeOffset After(DateTimeOffset from, WorkingCalendar calendar) => Kind switch
    {
        IntervalKind.WorkingDays => calendar.EndOfDay(calendar.AddWorkingDays(calendar.LocalDate(from), Count)),
        IntervalKind.Months => calendar.AddMonths(from, Count),
        _ => calendar.AddWallClock(from, Duration),
    };

    /// <summary>
    /// The day an interval before <paramref name="day"/> (for notices ahead of a date). A duration
    /// counts whole days; a part day moves the notice one day earlier.
    /// </summary>
    public DateOnly Before(DateOnly day, WorkingCalendar calendar) => Kind switch
    {
        IntervalKind.WorkingDays => calendar.AddWorkingDays(day, -Count),
        IntervalKind.Months => day.AddMonths(-Count),
        _ => day.AddDays(-(int)Math.Ceiling(Duration.TotalDays)),
    };

    public static Interval Parse(string text) =>
        TryParse(text, out var interval)
            ? interval
            : throw new FormatException(
                $"'{text}' is not an interval: use e.g. 10wd (working days), 14d, 6w, 3mo, 3y, P14D, P3M or 14.00:00:00.");

    public static bool TryParse(string? text, out Interval interval)
    {
        interval = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        var shorthand = ShorthandPattern().Match(value);
        if (shorthand.Success)
        {
            if (!int.TryParse(shorthand.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return false;
            }

            interval = shorthand.Groups["unit"].Value.ToUpperInvariant() switch
            {
                "WD" => WorkingDays(n),
                "D" => Days(n),
                "W" => Weeks(n),
                "MO" => Months(n),
                _ => Years(n),
            };
            return true;
        }

        var iso = IsoPattern().Match(value);
        if (iso.Success && value.Length > 1 && !value.EndsWith('T') && !value.EndsWith('t'))
        {
            return TryFromIso(iso, out interval);
        }

        if (TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
        {
            interval = Of(span);
            return true;
        }

        return false;
    }

    public override string ToString()
    {
        if (Kind == IntervalKind.WorkingDays)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Count}wd");
        }

        if (Kind == IntervalKind.Months)
        {
            return Count % 12 == 0 && Count > 0
                ? string.Create(CultureInfo.InvariantCulture, $"P{Count / 12}Y")
                : string.Create(CultureInfo.InvariantCulture, $"P{Count}M");
        }

        var text = "P";
        if (Duration.Days > 0 || Duration == TimeSpan.Zero)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"{Duration.Days}D");
        }

        var time = Duration - TimeSpan.FromDays(Duration.Days);
        if (time > TimeSpan.Zero)
        {
            text += "T";
            text += time.Hours > 0 ? string.Create(CultureInfo.InvariantCulture, $"{time.Hours}H") : string.Empty;
            text += time.Minutes > 0 ? string.Create(CultureInfo.InvariantCulture, $"{time.Minutes}M") : string.Empty;
            text += time.Seconds > 0 ? string.Create(CultureInfo.InvariantCulture, $"{time.Seconds}S") : string.Empty;
        }

        return text;
    }

    private static bool TryFromIso(Match iso, out Interval interval)
    {
        interval = default;
        int Part(string name) =>
            iso.Groups[name].Success ? int.Parse(iso.Groups[name].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

        var hasCalendarPart = iso.Groups["y"].Success || iso.Groups["mo"].Success;
        var hasDurationPart = iso.Groups["w"].Success || iso.Groups["d"].Success
            || iso.Groups["h"].Success || iso.Groups["mi"].Success || iso.Groups["s"].Success;
        if (hasCalendarPart == hasDurationPart)
        {
            return false;
        }

        try
        {
            interval = hasCalendarPart
                ? Months(checked((Part("y") * 12) + Part("mo")))
                : Of(TimeSpan.FromDays((Part("w") * 7) + Part("d"))
                    + TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("mi")) + TimeSpan.FromSeconds(Part("s")));
            return true;
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static int NonNegative(int count) =>
        count >= 0 ? count : throw new ArgumentOutOfRangeException(nameof(count), "An interval is not negative.");

    [GeneratedRegex(@"^(?<n>\d{1,6})\s*(?<unit>wd|d|w|mo|y)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShorthandPattern();

    [GeneratedRegex(
        @"^P(?:(?<y>\d{1,4})Y)?(?:(?<mo>\d{1,5})M)?(?:(?<w>\d{1,5})W)?(?:(?<d>\d{1,6})D)?(?:T(?:(?<h>\d{1,6})H)?(?:(?<mi>\d{1,6})M)?(?:(?<s>\d{1,7})S)?)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();
}
