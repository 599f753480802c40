using Kim.Core.Mail;

namespace Kim.Core.Tests.Mail;

public sealed class DigestRoutingTests
{
    private static readonly MunicipalityId Luedenscheid = new("luedenscheid");
    private static readonly MunicipalityId Iserlohn = new("iserlohn");
    private static readonly MunicipalityId Menden = new("menden");

    private static readonly CaseManagerContact[] Staff =
    [
        new("cm-luedenscheid", Luedenscheid, new MailAddress("cm-luedenscheid@example.org")),
        new("cm-luedenscheid-2", Luedenscheid, new MailAddress("cm-luedenscheid-2@example.org")),
        new("cm-iserlohn", Iserlohn, new MailAddress("cm-iserlohn@example.org")),
    ];

    private static DueItem Item(string reference) => new(new CaseReference(reference), DueItemKind.FollowUpDue, new DateOnly(2026, 11, 2));

    [Fact]
    public void An_assigned_case_goes_to_its_case_manager_only()
    {
        var result = DigestRouting.Route([new RoutableDueItem(Item("c-1"), Luedenscheid, "cm-luedenscheid-2")], Staff);

        var batch = Assert.Single(result.Batches);
        Assert.Equal("cm-luedenscheid-2", batch.Recipient.StaffId);
        Assert.Equal([Item("c-1")], batch.Items);
        Assert.Empty(result.Unroutable);
    }

    [Fact]
    public void An_unassigned_case_goes_to_every_case_manager_of_its_municipality()
    {
        var result = DigestRouting.Route(
        [
            new RoutableDueItem(Item("c-1"), Luedenscheid, null),
            new RoutableDueItem(Item("c-2"), Luedenscheid, "cm-luedenscheid"),
            new RoutableDueItem(Item("c-3"), Iserlohn, null),
        ], Staff);

        Assert.Equal(["cm-iserlohn", "cm-luedenscheid", "cm-luedenscheid-2"], result.Batches.Select(b => b.Recipient.StaffId));
        Assert.Equal([Item("c-3")], result.Batches[0].Items);
        Assert.Equal([Item("c-1"), Item("c-2")], result.Batches[1].Items);
        Assert.Equal([Item("c-1")], result.Batches[2].Items);
    }

    [Fact]
    public void An_assignee_who_is_not_a_case_manager_of_the_municipality_counts_as_unassigned()
    {
        var result = DigestRouting.Route([new RoutableDueItem(Item("c-1"), Luedenscheid, "cm-iserlohn")], Staff);

        Assert.Equal(["cm-luedenscheid", "cm-luedenscheid-2"], result.Batches.Select(b => b.Recipient.StaffId));
    }

    [Fact]
    public void A_municipality_without_case_managers_leaves_the_item_unroutable()
    {
        var item = new RoutableDueItem(Item("c-9"), Menden, null);

        var result = DigestRouting.Route([item], Staff);

        Assert.Empty(result.Batches);
        Assert.Equal([item], result.Unroutable);
    }
}
