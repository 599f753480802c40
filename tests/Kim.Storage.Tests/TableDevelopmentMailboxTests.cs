using Kim.Core.Mail;
using Kim.Testing;
using static Kim.Storage.Tests.StorageTestKit;

namespace Kim.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableDevelopmentMailboxTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);

    private async Task<TableDevelopmentMailbox> NewMailboxAsync()
    {
        var table = Tables(azurite).GetTableClient(UniqueName("mailbox"));
        await table.CreateIfNotExistsAsync(Timeout());
        return new TableDevelopmentMailbox(table);
    }

    [Fact(Timeout = 30_000)]
    public async Task Mails_come_back_newest_first_with_every_field_and_among_equal_times_the_later_added_first()
    {
        var mailbox = await NewMailboxAsync();
        await mailbox.AddAsync(new MailboxEntry("a@example.org", "Erste", "Text 1", T0 + TimeSpan.FromMinutes(1)), Timeout());
        await mailbox.AddAsync(new MailboxEntry("b@example.org", "Älteste", "Text 0", T0), Timeout());
        await mailbox.AddAsync(new MailboxEntry("c@example.org", "Neueste", "Zeile 1\nZeile 2 <&>", T0 + TimeSpan.FromHours(1)), Timeout());
        await mailbox.AddAsync(new MailboxEntry("d@example.org", "Gleichzeitig", "Text 1b", T0 + TimeSpan.FromMinutes(1)), Timeout());

        var list = await mailbox.ListAsync(10, Timeout());

        Assert.Equal(["Neueste", "Gleichzeitig", "Erste", "Älteste"], list.Select(e => e.Subject));
        Assert.Equal(new MailboxEntry("c@example.org", "Neueste", "Zeile 1\nZeile 2 <&>", T0 + TimeSpan.FromHours(1)), list[0]);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_listing_is_capped_at_the_count_asked_for()
    {
        var mailbox = await NewMailboxAsync();
        for (var i = 0; i < 5; i++)
        {
            await mailbox.AddAsync(new MailboxEntry("a@example.org", $"Mail {i}", "Text", T0 + TimeSpan.FromSeconds(i)), Timeout());
        }

        Assert.Equal(["Mail 4", "Mail 3"], (await mailbox.ListAsync(2, Timeout())).Select(e => e.Subject));
        Assert.Empty(await mailbox.ListAsync(0, Timeout()));
    }
}
