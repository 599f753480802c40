using System.Globalization;

namespace Kim.Core.Mail;

/// <summary>
/// One firing of the reminder schedule: the UTC instant and the wall-clock time in the schedule's
/// zone. <see cref="Id"/> is the UTC instant in ISO 8601 (<c>2026-03-30T05:00:00Z</c>), the same
/// in every run, so it keys "one digest per recipient per occurrence".
/// </summary>
public readonly record struct ReminderOccurrence(DateTimeOffset Instant, DateTimeOffset Local)
{
    public string Id => Instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The local calendar day, the digest's "today".</summary>
    public DateOnly LocalDate => DateOnly.FromDateTime(Local.DateTime);

    public override string ToString() => Id;
}
