using Kim.Core.Mail;
using Kim.Testing;

namespace Kim.Core.Tests.Mail;

/// <summary>The reference ledger against the shared contract (the Table Storage ledger runs the same tests on Azurite).</summary>
public sealed class InMemoryMailLedgerTests : MailLedgerContract
{
    protected override Task<IMailLedger> CreateLedgerAsync() => Task.FromResult<IMailLedger>(new InMemoryMailLedger());
}
