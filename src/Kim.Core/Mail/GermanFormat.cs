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

    /// <summary>
    /// The form of a word that agrees with <paramref name="count"/>: <paramref name="singular"/> for
    /// exactly 1, else <paramref name="plural"/> (German uses the plural for 0 too: "0 Einträge").
    /// Nouns and verbs alike: <c>Agree(n, "liegt", "liegen")</c>.
    /// </summary>
    public static string Agree(int count, string singular, string plural) => count == 1 ? singular : plural;

    /// <summary>A number and its noun in agreement: <c>1 Eintrag</c>, <c>2 Einträge</c>.</summary>
    public static string Count(int count, string singular, string plural) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + Agree(count, singular, plural);
}
