using System.Diagnostics;
using Kim.Core;
using Kim.Core.Records;
using Kim.Core.Storage.Records;
using Kim.Core.Workflows;
using Kim.Testing;
using Xunit.Abstractions;
using static Kim.Storage.Tests.StorageTestKit;

namespace Kim.Storage.Tests.Records;

/// <summary>
/// A case record that grows for years on Azurite: contact notes are rows of their own beside the
/// record, so the record row stays small and the next contact is always accepted; a purge takes
/// the notes with it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class GrowingCaseTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    /// <summary>4,000 characters (the field limit) of Arabic script: 3 bytes each in UTF-8, 2 in UTF-16.</summary>
    private static readonly string LongNote = string.Concat(Enumerable.Repeat("مرحبا بكم في ", 400))[..4000];

    [Fact(Timeout = 600_000)]
    public async Task A_case_with_a_thousand_long_contact_notes_accepts_the_next_one_and_reads_them_all_back()
    {
        var tables = Tables(azurite);
        var instances = tables.GetTableClient(UniqueName("grow"));
        var index = tables.GetTableClient(UniqueName("growidx"));
        await instances.CreateIfNotExistsAsync(Timeout());
        await index.CreateIfNotExistsAsync(Timeout());
        var workflows = WorkflowRegistry.Of(KimWorkflows.Create());

        var records = new RecordKeeper(new TableInstanceStore(instances, index), workflows, new ActionRegistry()).Client;
        var input = KimJson.ToElement(new
        {
            municipality = "luedenscheid",
            district = "mk",
            client = new { givenName = "Amira", familyName = "Haddad" },
            urgency = "normal",
            consentToCaseProcessing = true,
        });
        Assert.Equal(WorkflowOutcome.Applied, (await records.StartAsync("c-grow", CaseWorkflow.WorkflowName, input, "cm-luedenscheid")).Outcome);
        Assert.Equal(WorkflowOutcome.Applied, (await records.RaiseEventAsync("c-grow", CaseEvents.StartClearing, null, "cm-luedenscheid")).Outcome);

        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= 1001; i++)
        {
            var contact = KimJson.ToElement(new { channel = "phone", note = LongNote });
            var result = await records.RaiseEventAsync("c-grow", CaseEvents.RecordContact, contact, "cm-luedenscheid");
            Assert.True(result.Outcome == WorkflowOutcome.Applied, $"contact {i}: {result.Outcome} {result.Rejection}");
        }

        var record = (await records.GetAsync("c-grow"))!;
        var texts = await records.GetTextsAsync("c-grow");
        output.WriteLine($"1,001 contacts in {clock.Elapsed.TotalSeconds:F0} s; record body {record.State!.Value.GetRawText().Length / 1024} KiB, {texts.Count} note rows.");
        Assert.Equal(1001, record.StateAs<CaseWorkflowState>()!.Contacts.Count);
        Assert.Equal(1001, texts.Count);
        Assert.All(texts.Values, note => Assert.Equal(LongNote, note));
        Assert.True(record.State!.Value.GetRawText().Length < InstanceBody.MaxBytes / 4, "the record row holds no note");

        await records.PurgeAsync("c-grow");
        Assert.Empty(await records.GetTextsAsync("c-grow"));
    }
}
