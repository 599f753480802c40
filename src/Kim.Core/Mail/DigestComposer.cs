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

        var body = new MailBody("Guten Tag,")
            .Paragraph($"für {GermanFormat.DateWithWeekday(date)} liegen in Kim {GermanFormat.Count(distinct.Count, "Eintrag", "Einträge")} für Sie vor:");
        foreach (var group in distinct.GroupBy(i => i.Kind).OrderBy(g => g.Key))
        {
            var lines = group
                .OrderBy(i => i.DueDate)
                .ThenBy(i => i.Case.Value, StringComparer.Ordinal)
                .Select(i => (Line(i), _links.Case(i.Case)));
            body.Section(Heading(group.Key, group.Count()), lines);
        }

        var subject = $"KIM-Erinnerungen für {GermanFormat.DateWithWeekday(date)}: {GermanFormat.Count(distinct.Count, "Eintrag", "Einträge")}";
        return body.ToMessage(recipient, subject);
    }

    private static string Heading(DueItemKind kind, int count) => kind switch
    {
        DueItemKind.FollowUpOverdue => $"Überfällige Wiedervorlagen ({count})",
        DueItemKind.FollowUpDue => $"Fällige Wiedervorlagen ({count})",
        DueItemKind.PartnerAnswerOverdue => $"Überfällige Antworten von Netzwerkpartnern ({count})",
        DueItemKind.HandoverStepDue => $"Übergabeschritte, fällig in den nächsten {HandoverLookaheadWorkingDays} Arbeitstagen ({count})",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown due item kind."),
    };

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
