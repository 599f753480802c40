using Kim.Core.Mail;
using Kim.Testing;

namespace Kim.Core.Tests.Mail;

public sealed class DevelopmentMailboxTests
{
    [Fact]
    public async Task Mails_are_stored_with_the_contract_fields_and_listed_newest_first()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero));
        var mailbox = new InMemoryDevelopmentMailbox();
        var sender = new DevelopmentMailboxSender(mailbox, clock);

        await sender.SendAsync(new MailMessage(new MailAddress("cm-menden@example.org"), "Erste", "Text 1", "<p>1</p>"), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        await sender.SendAsync(new MailMessage(new MailAddress("cm-iserlohn@example.org"), "Zweite", "Text 2", "<p>2</p>"), CancellationToken.None);
        await sender.SendAsync(new MailMessage(new MailAddress("cm-iserlohn@example.org"), "Dritte", "Text 3", "<p>3</p>"), CancellationToken.None);

        var all = await mailbox.ListAsync(10, CancellationToken.None);
        Assert.Equal(["Dritte", "Zweite", "Erste"], all.Select(e => e.Subject));
        Assert.Equal(new MailboxEntry("cm-menden@example.org", "Erste", "Text 1", new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero)), all[2]);
        Assert.Equal(["Dritte"], (await mailbox.ListAsync(1, CancellationToken.None)).Select(e => e.Subject));
    }
}
