namespace Kim.Core.Mail;

/// <summary>
/// The daily digest of one case manager: the due items grouped by kind (overdue follow-ups first),
/// each group ordered by due date, each line a case reference, a date and a link. Nothing due, no mail.
/// </summary>
public sealed class DigestComposer(MailLinks links)
{
    /// <summary>A digest lists handover steps due within this many working days (overdue ones too).</summary>
    public const int HandoverLookaheadWorkingDays = 5;

    private readonly MailLinks _links = links ?? throw new ArgumentNullException(nameof(links));

    /// <summary>The digest for <paramref name="date"/> (the occurrence's local day); null when <paramref name="items"/> is empty.</summary>
    public MailMessage? Compose(MailAddress recipient, DateOnly date, IEnumerable<DueItem> items)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(items);
        var distinct = items.Distinct().ToList();
        if (distinct.Count == 0)
        {
            return null;
        }

        var count = distinct.Count;
        var entries = GermanFormat.Count(count, "Eintrag", "Einträge");
        var body = new MailBody("Guten Tag,")
            .Paragraph($"für {GermanFormat.DateWithWeekday(date)} {GermanFormat.Agree(count, "liegt", "liegen")} in Kim {entries} für Sie vor:");
        foreach (var group in distinct.GroupBy(i => i.Kind).OrderBy(g => g.Key))
        {
            var lines = group
                .OrderBy(i => i.DueDate)
                .ThenBy(i => i.Case.Value, StringComparer.Ordinal)
                .Select(i => (Line(i), _links.Case(i.Case)));
            body.Section(Heading(group.Key, group.Count()), lines);
        }

        var subject = $"KIM-Erinnerungen für {GermanFormat.DateWithWeekday(date)}: {entries}";
        return body.ToMessage(recipient, subject);
    }

    private static string Heading(DueItemKind kind, int count)
    {
        var title = kind switch
        {
            DueItemKind.FollowUpOverdue => GermanFormat.Agree(count, "Überfällige Wiedervorlage", "Überfällige Wiedervorlagen"),
            DueItemKind.FollowUpDue => GermanFormat.Agree(count, "Fällige Wiedervorlage", "Fällige Wiedervorlagen"),
            DueItemKind.PartnerAnswerOverdue => GermanFormat.Agree(count, "Überfällige Antwort eines Netzwerkpartners", "Überfällige Antworten von Netzwerkpartnern"),
            DueItemKind.HandoverStepDue => GermanFormat.Agree(count, "Übergabeschritt", "Übergabeschritte") + $", fällig in den nächsten {HandoverLookaheadWorkingDays} Arbeitstagen",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown due item kind."),
        };
        return $"{title} ({count})";
    }

    private static string Line(DueItem item)
    {
        var date = GermanFormat.Date(item.DueDate);
        return item.Kind switch
        {
            DueItemKind.FollowUpOverdue => $"Fall {item.Case}, fällig seit {date}",
            DueItemKind.PartnerAnswerOverdue => $"Fall {item.Case}, Antwort erbeten bis {date}",
            _ => $"Fall {item.Case}, fällig am {date}",
        };
    }
}
