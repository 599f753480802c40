namespace Kim.Core.Reminders;

/// <summary>
/// One thing of a case that the daily digest may list, with the instant from which it does.
/// </summary>
/// <param name="ItemId">Unique within the case: <c>f-1</c>, <c>r-2</c>, <c>h-1.jobcentre-application</c>.</param>
/// <param name="VisibleFrom">The first instant at which a digest lists it (the due-index row key).</param>
/// <param name="DueAt">The item's own due instant (a follow-up's time, a referral's respondBy, the end of a step's day).</param>
/// <param name="DueDate">The day the item is due, as the mail shows it.</param>
public sealed record DueEntry(string ItemId, DueEntryKind Kind, DateTimeOffset VisibleFrom, DateTimeOffset DueAt, DateOnly DueDate);
