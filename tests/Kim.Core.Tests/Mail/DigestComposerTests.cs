using Kim.Core.Mail;

namespace Kim.Core.Tests.Mail;

public sealed class DigestComposerTests
{
    private static readonly MailAddress To = new("cm-iserlohn@example.org");
    private static readonly DigestComposer Composer = new(new MailLinks(new Uri("https://kim.example.org")));
    private static readonly DateOnly Today = new(2026, 11, 2); // a Monday

    private static DueItem Item(string reference, DueItemKind kind, int month, int day) =>
        new(new CaseReference(reference), kind, new DateOnly(2026, month, day));

    [Fact]
    public void Nothing_due_means_no_mail()
    {
        Assert.Null(Composer.Compose(To, Today, []));
    }

    [Fact]
    public void Items_are_grouped_by_kind_overdue_first_and_ordered_by_due_date()
    {
        var mail = Composer.Compose(To, Today,
        [
            Item("c-3", DueItemKind.HandoverStepDue, 11, 6),
            Item("c-1", DueItemKind.FollowUpDue, 11, 2),
            Item("c-2", DueItemKind.FollowUpOverdue, 10, 30),
            Item("c-4", DueItemKind.FollowUpOverdue, 10, 20),
            Item("c-5", DueItemKind.PartnerAnswerOverdue, 10, 28),
            Item("c-6", DueItemKind.HandoverStepDue, 11, 4),
        ])!;

        Assert.Equal("KIM-Erinnerungen für Montag, 02.11.2026: 6 Einträge", mail.Subject);
        Assert.Contains("für Montag, 02.11.2026 liegen in Kim 6 Einträge für Sie vor:", mail.Text, StringComparison.Ordinal);
        string[] order =
        [
            "Überfällige Wiedervorlagen (2)",
            "Fall c-4, fällig seit 20.10.2026: https://kim.example.org/api/cases/c-4",
            "Fall c-2, fällig seit 30.10.2026",
            "Fällige Wiedervorlage (1)",
            "Fall c-1, fällig am 02.11.2026",
            "Überfällige Antwort eines Netzwerkpartners (1)",
            "Fall c-5, Antwort erbeten bis 28.10.2026",
            "Übergabeschritte, fällig in den nächsten 5 Arbeitstagen (2)",
            "Fall c-6, fällig am 04.11.2026",
            "Fall c-3, fällig am 06.11.2026",
        ];
        var positions = order.Select(s => mail.Text.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("<h2>Überfällige Wiedervorlagen (2)</h2>", mail.Html, StringComparison.Ordinal);
        Assert.Contains("<li>Fall c-4, fällig seit 20.10.2026: <a href=\"https://kim.example.org/api/cases/c-4\">", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void One_item_reads_in_the_singular_and_a_repeated_item_is_listed_once()
    {
        var item = Item("c-1", DueItemKind.FollowUpDue, 11, 2);

        var mail = Composer.Compose(To, Today, [item, item])!;

        Assert.EndsWith(": 1 Eintrag", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("für Montag, 02.11.2026 liegt in Kim 1 Eintrag für Sie vor:", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Fällige Wiedervorlage (1)", mail.Text, StringComparison.Ordinal);
        Assert.Single(mail.Text.Split('\n'), l => l.StartsWith("- Fall c-1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DueItemKind.FollowUpOverdue, "Überfällige Wiedervorlage (1)", "Überfällige Wiedervorlagen (2)")]
    [InlineData(DueItemKind.FollowUpDue, "Fällige Wiedervorlage (1)", "Fällige Wiedervorlagen (2)")]
    [InlineData(DueItemKind.PartnerAnswerOverdue, "Überfällige Antwort eines Netzwerkpartners (1)", "Überfällige Antworten von Netzwerkpartnern (2)")]
    [InlineData(DueItemKind.HandoverStepDue, "Übergabeschritt, fällig in den nächsten 5 Arbeitstagen (1)", "Übergabeschritte, fällig in den nächsten 5 Arbeitstagen (2)")]
    public void Every_heading_agrees_with_its_count(DueItemKind kind, string one, string two)
    {
        var single = Composer.Compose(To, Today, [Item("c-1", kind, 11, 2)])!;
        var pair = Composer.Compose(To, Today, [Item("c-1", kind, 11, 2), Item("c-2", kind, 11, 2)])!;

        Assert.Contains(one + "\n", single.Text, StringComparison.Ordinal);
        Assert.Contains(two + "\n", pair.Text, StringComparison.Ordinal);
        Assert.Contains("liegen in Kim 2 Einträge", pair.Text, StringComparison.Ordinal);
    }
}
