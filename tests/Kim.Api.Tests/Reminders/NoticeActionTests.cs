using System.Text.Json;
using Kim.Api.Access;
using Kim.Api.Tests.Cases;
using Kim.Core;
using Kim.Core.Cases;
using Kim.Core.Mail;
using Kim.Core.Records;
using Kim.Core.Reminders;
using Kim.Core.Workflows;
using Kim.Core.Workflows.Payloads;
using Kim.Testing;
using Microsoft.Extensions.DependencyInjection;
using CaseReference = Kim.Core.Workflows.Payloads.CaseReference;

namespace Kim.Api.Tests.Reminders;

/// <summary>
/// The notice actions and the digest in the real app (Program on Kestrel, Azurite, development
/// mailbox), with cases created through the <see cref="WorkflowClient"/>: right German mail, right
/// recipients, once per deadline even when an action runs twice, and never the client's name.
/// </summary>
public sealed class NoticeActionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string CaseManager = "cm-luedenscheid@example.org";

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private static string NewCaseId() => "c-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<IReadOnlyList<MailboxEntry>> MailsAboutAsync(KimApp app, string id) =>
        [.. (await app.Services.GetRequiredService<IDevelopmentMailbox>().ListAsync(500, Timeout()))
            .Where(m => m.Subject.Contains(id, StringComparison.Ordinal) || m.Text.Contains(id, StringComparison.Ordinal))];

    private static async Task AssertNoClientNameAsync(KimApp app)
    {
        foreach (var mail in await app.Services.GetRequiredService<IDevelopmentMailbox>().ListAsync(500, Timeout()))
        {
            Assert.DoesNotContain("Amira", mail.Subject + mail.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Haddad", mail.Subject + mail.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    // The app's own orchestration may run the same action at the same moment; the attempt that finds
    // the other's claim fails by design and runs again, as the activity's retry policy does.
    private static async Task<JsonElement?> RunAsync(KimApp app, string action, string instanceId, string actionId, object input)
    {
        var handler = app.Services.GetServices<IActionHandler>().Single(h => h.Name == action);
        JsonElement? result = null;
        await CaseKit.UntilAsync(
            async () =>
            {
                try
                {
                    result = await handler.ExecuteAsync(
                        new ActionRequest(instanceId, "test", actionId, $"{instanceId}|{actionId}", KimJson.ToElement(input), 1), Timeout());
                    return true;
                }
                catch (InvalidOperationException exception) when (exception.Message.Contains("another attempt", StringComparison.Ordinal))
                {
                    return false;
                }
            },
            seconds: 10,
            state: () => "Another attempt still holds the mail claim.");
        return result;
    }

    private static async Task RaiseAsync(WorkflowClient client, string caseId, string name, object? payload = null)
    {
        var result = await client.RaiseEventAsync(caseId, name, payload is null ? null : KimJson.ToElement(payload), "cm-luedenscheid", cancellationToken: Timeout());
        Assert.True(result.Outcome == WorkflowOutcome.Applied, $"{name}: {result.Outcome} {result.Rejection}");
    }

    private static async Task<WorkflowClient> OpenCaseAsync(KimApp app, string caseId, string? assignee = null)
    {
        var client = app.Services.GetRequiredService<WorkflowClient>();
        var input = new
        {
            municipality = "luedenscheid",
            district = DemoData.District,
            client = new { givenName = "Amira", familyName = "Haddad", dateOfBirth = "1990-04-12" },
            consentToCaseProcessing = true,
        };
        Assert.Equal(WorkflowOutcome.Applied, (await client.StartAsync(caseId, CaseWorkflow.WorkflowName, KimJson.ToElement(input), "cm-luedenscheid", Timeout())).Outcome);
        await RaiseAsync(client, caseId, CaseEvents.StartClearing);
        if (assignee is not null)
        {
            await RaiseAsync(client, caseId, CaseEvents.Assign, new { caseManagerId = assignee });
        }

        return client;
    }

    private static async Task<string> ReferAsync(WorkflowClient client, string caseId, string partnerId)
    {
        await RaiseAsync(client, caseId, CaseEvents.RecordConsent, new
        {
            recipient = partnerId,
            purpose = "Vermittlung",
            categories = new[] { "identity" },
            form = "written",
            validFrom = "2026-11-02",
        });
        await RaiseAsync(client, caseId, CaseEvents.CreateReferral, new { partnerId, purpose = "Beratung", respondBy = "2026-11-16" });
        return caseId + ":r-1";
    }

    [Fact(Timeout = 60_000)]
    public async Task A_new_referral_is_announced_to_its_partner_once_with_the_link_to_the_referral()
    {
        await using var app = new KimApp(azurite);
        var caseId = NewCaseId();
        var referralId = await ReferAsync(await OpenCaseAsync(app, caseId), caseId, "jobcenter-mk");

        // The action runs twice (the app's dispatcher may run it a third time): the partner gets one mail.
        await RunAsync(app, ActionNames.NotifyPartnerReferral, referralId, "notify-partner", new PartnerNotice(referralId, "jobcenter-mk"));
        await RunAsync(app, ActionNames.NotifyPartnerReferral, referralId, "notify-partner", new PartnerNotice(referralId, "jobcenter-mk"));
        var mail = Assert.Single(await MailsAboutAsync(app, referralId));
        Assert.Equal("jobcenter-mk@example.org", mail.To);
        Assert.Equal($"Neue Vermittlung {referralId} an Ihre Organisation", mail.Subject);
        Assert.Contains("Bitte antworten Sie bis zum 16.11.2026", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"/api/referrals/{caseId}%3Ar-1", mail.Text, StringComparison.Ordinal);
        await AssertNoClientNameAsync(app);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missed_hard_deadline_reaches_the_case_manager_and_the_coordinators_once_each()
    {
        await using var app = new KimApp(azurite);
        var caseId = NewCaseId();
        var client = await OpenCaseAsync(app, caseId);
        // Assigned, so that the recipients do not depend on which other case managers the shared directory holds.
        await RaiseAsync(client, caseId, CaseEvents.Assign, new { caseManagerId = "cm-luedenscheid" });
        await RaiseAsync(client, caseId, CaseEvents.Accept);
        await RaiseAsync(client, caseId, CaseEvents.CompleteAssessment);
        await RaiseAsync(client, caseId, CaseEvents.AgreePlan, new { goals = new[] { "Arbeit" } });
        await RaiseAsync(client, caseId, CaseEvents.StartHandover, new { from = "AsylbLG", to = "SGB II", triggerDate = "2026-11-10" });
        var handover = caseId + ":h-1";

        var reference = new CaseReference(caseId, "luedenscheid");
        await RunAsync(app, ActionNames.NotifyHardDeadlineMissed, handover, "hard-deadline-missed", reference);
        await RunAsync(app, ActionNames.NotifyHardDeadlineMissed, handover, "hard-deadline-missed", reference);
        var alert = new CaseManagerNotice(caseId, "luedenscheid", AlertKind.HardDeadlineMissed, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)), Reference: "jobcentre-application");
        await RunAsync(app, ActionNames.NotifyCaseManager, handover, "notify:hard-deadline:1798758000", alert);

        var mails = await MailsAboutAsync(app, caseId);
        Assert.Equal([CaseManager, "coord-mk@example.org"], mails.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(mails, m =>
        {
            Assert.Equal($"Frist versäumt: Übergabe im Fall {caseId} (luedenscheid)", m.Subject);
            Assert.Contains("harte Frist der Übergabe am 31.12.2026 abgelaufen", m.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("http", m.Text, StringComparison.Ordinal);
        });
        await AssertNoClientNameAsync(app);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_case_alert_goes_to_every_case_manager_of_an_unassigned_case_and_to_the_assignee_once_assigned()
    {
        await using var app = new KimApp(azurite);
        await app.Services.GetRequiredService<IAccessDirectory>().UpsertStaffAsync(
            new StaffMember("cm-luedenscheid-2", "Second", "cm-luedenscheid-2@example.org", StaffRole.CaseManager, DemoData.District, "luedenscheid"), Timeout());
        var caseId = NewCaseId();
        var client = await OpenCaseAsync(app, caseId);
        var due = new DateTimeOffset(2026, 11, 5, 8, 0, 0, TimeSpan.FromHours(1));

        var followUp = new CaseManagerNotice(caseId, "luedenscheid", AlertKind.FollowUpDue, due, Reference: "f-1");
        await RunAsync(app, ActionNames.NotifyCaseManager, caseId, "notify:followup:f-1:1", followUp);
        await RunAsync(app, ActionNames.NotifyCaseManager, caseId, "notify:followup:f-1:1", followUp);
        var mails = await MailsAboutAsync(app, caseId);
        Assert.Equal(["cm-luedenscheid-2@example.org", CaseManager], mails.Select(m => m.To).Order(StringComparer.Ordinal));
        Assert.All(mails, m => Assert.Equal($"Wiedervorlage fällig im Fall {caseId}", m.Subject));
        Assert.All(mails, m => Assert.Contains("eine Wiedervorlage am 05.11.2026 fällig", m.Text, StringComparison.Ordinal));

        await RaiseAsync(client, caseId, CaseEvents.Assign, new { caseManagerId = "cm-luedenscheid" });
        var expiry = new CaseManagerNotice(caseId, "luedenscheid", AlertKind.ResidenceDocumentExpiring, new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)), Reference: "2027-03-31");
        await RunAsync(app, ActionNames.NotifyCaseManager, caseId, "notify:residence", expiry);
        var last = Assert.Single(await MailsAboutAsync(app, caseId), m => m.Subject.StartsWith("Aufenthaltsdokument", StringComparison.Ordinal));
        Assert.Equal(CaseManager, last.To);
        Assert.Contains("läuft das Aufenthaltsdokument am 31.03.2027 ab", last.Text, StringComparison.Ordinal);
        await AssertNoClientNameAsync(app);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_partner_is_reminded_once_and_an_unknown_partner_is_skipped_without_failing()
    {
        await using var app = new KimApp(azurite);
        var caseId = NewCaseId();
        var referralId = await ReferAsync(await OpenCaseAsync(app, caseId), caseId, "jobcenter-mk");

        await RunAsync(app, ActionNames.RemindPartner, referralId, "remind-partner:1", new PartnerNotice(referralId, "jobcenter-mk"));
        await RunAsync(app, ActionNames.RemindPartner, referralId, "remind-partner:1", new PartnerNotice(referralId, "jobcenter-mk"));
        var reminder = Assert.Single(await MailsAboutAsync(app, referralId), m => m.Subject.StartsWith("Erinnerung", StringComparison.Ordinal));
        Assert.Equal("jobcenter-mk@example.org", reminder.To);
        Assert.Equal($"Erinnerung: Ihre Antwort auf die Vermittlung {referralId} steht aus", reminder.Subject);
        Assert.Contains("bis zum 16.11.2026 erbeten", reminder.Text, StringComparison.Ordinal);

        var skipped = await RunAsync(app, ActionNames.RemindPartner, referralId, "remind-partner:2", new PartnerNotice(referralId, "no-such-partner"));
        Assert.Contains("unknown", skipped!.Value.GetProperty("skipped").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_apps_digest_lists_a_due_follow_up_from_the_index_and_never_the_clients_name()
    {
        await using var app = new KimApp(azurite);
        var caseId = NewCaseId();
        var client = await OpenCaseAsync(app, caseId, assignee: "cm-luedenscheid");
        await RaiseAsync(client, caseId, CaseEvents.AddFollowUp, new { dueAt = "2026-11-03", note = "Amira Haddad anrufen" });

        var local = new DateTimeOffset(2026, 11, 3, 7, 0, 0, TimeSpan.FromHours(1));
        app.Clock.SetUtcNow(local);
        await app.Services.GetRequiredService<IReminderJob>().RunAsync(new ReminderOccurrence(local.ToUniversalTime(), local), Timeout());

        var digest = Assert.Single(await MailsAboutAsync(app, caseId));
        Assert.Equal(CaseManager, digest.To);
        Assert.StartsWith("KIM-Erinnerungen für Dienstag, 03.11.2026", digest.Subject, StringComparison.Ordinal);
        Assert.Contains($"Fall {caseId}, fällig am 03.11.2026", digest.Text, StringComparison.Ordinal);
        await AssertNoClientNameAsync(app);
    }
}
