using System.Globalization;

namespace Kim.Core.Mail;

/// <summary>Dates and counts as German readers expect them, without depending on installed cultures.</summary>
internal static class GermanFormat
{
    private static readonly string[] Weekdays = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"];

    /// <summary><c>31.12.2026</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary><c>Donnerstag, 31.12.2026</c>.</summary>
    public static string DateWithWeekday(DateOnly date) => Weekdays[(int)date.DayOfWeek] + ", " + Date(date);

    public static string Count(int count, string singular, string plural) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);
}
