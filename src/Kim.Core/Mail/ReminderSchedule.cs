using Kim.Core.Workflows;
using NCrontab;

namespace Kim.Core.Mail;

/// <summary>
/// The digest schedule: a six-field NCRONTAB expression (seconds first, as Azure Functions timer
/// triggers) read as wall-clock time in Europe/Berlin, turned into UTC instants that are correct
/// across daylight-saving changes.
/// <list type="bullet">
/// <item>Spring forward (02:00 → 03:00): a local time in the skipped hour fires at the same
/// distance after the change as it was meant before it (02:30 → 03:30 CEST), i.e. with the offset
/// in force before the gap. An instant that coincides with a regular occurrence fires once.</item>
/// <item>Fall back (03:00 → 02:00): a local time in the repeated hour fires in its first pass. It
/// fires in the second pass too only when the schedule also fires at the same minute and second one
/// hour earlier, so "02:30 daily" fires once while "every 10 seconds" or "hourly" keep going.</item>
/// </list>
/// https://learn.microsoft.com/azure/azure-functions/functions-bindings-timer#ncrontab-expressions
/// </summary>
public sealed class ReminderSchedule
{
    public const string DefaultExpression = "0 0 7 * * 1-5";

    /// <summary>Local candidates are searched this far beyond a range, more than any DST shift.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromHours(3);

    /// <summary>The widening windows <see cref="Next"/> searches, up to two leap cycles (29 February).</summary>
    private static readonly TimeSpan[] NextWindows =
        [TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(8), TimeSpan.FromDays(32), TimeSpan.FromDays(367), TimeSpan.FromDays(2923)];

    private readonly CrontabSchedule _cron;

    private ReminderSchedule(string expression, CrontabSchedule cron, TimeZoneInfo zone)
    {
        Expression = expression;
        _cron = cron;
        TimeZone = zone;
    }

    public string Expression { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>
    /// Parses <c>Kim__Reminders__Schedule</c>; null or blank means <see cref="DefaultExpression"/>.
    /// Throws <see cref="InvalidSettingException"/> naming the setting when the expression is not six-field NCRONTAB.
    /// </summary>
    public static ReminderSchedule Parse(string? expression)
    {
        var text = string.IsNullOrWhiteSpace(expression) ? DefaultExpression : expression.Trim();
        CrontabSchedule cron;
        try
        {
            cron = CrontabSchedule.Parse(text, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        }
        catch (CrontabException exception)
        {
            throw new InvalidSettingException(
                "Kim:Reminders:Schedule",
                $"'{text}' is not a six-field NCRONTAB expression (second minute hour day month weekday), e.g. '{DefaultExpression}'.",
                exception);
        }

        // Berlin, as the working calendar: the digest's day and the days its items are due on are one day.
        return new ReminderSchedule(text, cron, WorkingCalendar.Berlin);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>; null when the schedule never fires again.</summary>
    public ReminderOccurrence? Next(DateTimeOffset after)
    {
        foreach (var window in NextWindows)
        {
            var found = Occurrences(after, after + window);
            if (found.Count > 0)
            {
                return found[0];
            }
        }

        return null;
    }

    /// <summary>Every occurrence in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>], ascending, without duplicates.</summary>
    public IReadOnlyList<ReminderOccurrence> Occurrences(DateTimeOffset fromExclusive, DateTimeOffset toInclusive)
    {
        if (toInclusive <= fromExclusive)
        {
            return [];
        }

        var localStart = TimeZoneInfo.ConvertTime(fromExclusive, TimeZone).DateTime - Margin;
        var localEnd = TimeZoneInfo.ConvertTime(toInclusive, TimeZone).DateTime + Margin;
        var instants = new SortedSet<DateTimeOffset>();
        foreach (var local in _cron.GetNextOccurrences(localStart, localEnd))
        {
            foreach (var instant in ToInstants(local))
            {
                if (instant > fromExclusive && instant <= toInclusive)
                {
                    instants.Add(instant);
                }
            }
        }

        return [.. instants.Select(i => new ReminderOccurrence(i.ToUniversalTime(), TimeZoneInfo.ConvertTime(i, TimeZone)))];
    }

    /// <summary>The instants at which a local occurrence fires: none is lost in a gap, none doubled in an overlap.</summary>
    private IEnumerable<DateTimeOffset> ToInstants(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(local))
        {
            // The offset in force just before the gap, found where the wall clock is unambiguous.
            var before = TimeZone.GetUtcOffset(local - Margin);
            yield return new DateTimeOffset(local, before);
            yield break;
        }

        if (!TimeZone.IsAmbiguousTime(local))
        {
            yield return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
            yield break;
        }

        var offsets = TimeZone.GetAmbiguousTimeOffsets(local);
        var first = offsets.Max();
        var second = offsets.Min();
        yield return new DateTimeOffset(local, first);
        if (Matches(local - (first - second)))
        {
            yield return new DateTimeOffset(local, second);
        }
    }

    private bool Matches(DateTime local) => _cron.GetNextOccurrence(local.AddSeconds(-1)) == local;
}
