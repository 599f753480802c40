using Azure.Core;
using Azure.Data.Tables;
using Kim.Api.Access;
using Kim.Api.Reminders;
using Kim.Core;
using Kim.Core.Cases;
using Kim.Core.Mail;
using Kim.Core.Records;
using Kim.Core.Reminders;
using Kim.Core.Storage;
using Kim.Core.Storage.Records;
using Kim.Core.Workflows;
using Kim.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kim.Api.Tests.Reminders;

/// <summary>
/// The digest's parts on Azurite, without the web app: the instance store and the due-date index on
/// tables of their own, the real records (with the index as their observer) on a fake clock, the table mail ledger, the demo directory plus a second case manager in
/// Lüdenscheid, and a recording sender. Every table request is counted.
/// </summary>
internal sealed class ReminderRig
{
    public const string SecondCaseManager = "cm-luedenscheid-2";

    public static readonly MailLinks Links = new(new Uri("https://kim.example.org"));

    private ReminderRig(FakeTimeProvider clock, RequestCountingPolicy requests, TableServiceClient tables, TableClient instances, TableInstanceStore store, TableClient ledger, TableClient schedules, DueIndex index, InMemoryAccessDirectory directory)
    {
        InstancesTable = instances;
        Clock = clock;
        Requests = requests;
        Tables = tables;
        Store = store;
        LedgerTable = ledger;
        SchedulesTable = schedules;
        Index = index;
        Directory = directory;
        Runtime = NewRuntime([index]);
    }

    public FakeTimeProvider Clock { get; }

    public RequestCountingPolicy Requests { get; }

    public TableServiceClient Tables { get; }

    public TableClient InstancesTable { get; }

    public TableInstanceStore Store { get; }

    public TableClient LedgerTable { get; }

    public TableClient SchedulesTable { get; }

    public DueIndex Index { get; }

    public InMemoryAccessDirectory Directory { get; }

    public RecordKeeper Runtime { get; }

    public WorkflowClient Workflows => Runtime.Client;

    public RecordingMailSender Sender { get; } = new();

    public static async Task<ReminderRig> CreateAsync(AzuriteFixture azurite, DateTimeOffset now)
    {
        var requests = new RequestCountingPolicy();
        var tables = StorageAccount.Parse(azurite.ConnectionString).CreateTableServiceClient(o => o.AddPolicy(requests, HttpPipelinePosition.PerCall));
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var names = new[] { "instances", "instanceindex", "dueindex", "mailledger", "schedules" }.Select(n => n + suffix).ToArray();
        foreach (var name in names)
        {
            await tables.CreateTableIfNotExistsAsync(name);
        }

        var directory = new InMemoryAccessDirectory();
        await DemoData.SeedAsync(directory, CancellationToken.None);
        await directory.UpsertStaffAsync(
            new StaffMember(SecondCaseManager, "Second case manager Lüdenscheid", SecondCaseManager + "@example.org", StaffRole.CaseManager, DemoData.District, "luedenscheid"),
            CancellationToken.None);

        var instances = tables.GetTableClient(names[0]);
        var store = new TableInstanceStore(instances, tables.GetTableClient(names[1]));
        var index = new DueIndex(tables.GetTableClient(names[2]), WorkingCalendar.Nrw);
        return new ReminderRig(new FakeTimeProvider(now), requests, tables, instances, store, tables.GetTableClient(names[3]), tables.GetTableClient(names[4]), index, directory);
    }

    /// <summary>Records on the same store with other observers (none: a projection that was missed).</summary>
    public RecordKeeper NewRuntime(IEnumerable<IInstanceObserver> observers)
    {
        var workflows = WorkflowRegistry.Of(KimWorkflows.Create());

        return new RecordKeeper(Store, workflows, new ActionRegistry(), timeProvider: Clock, observers: observers);
    }

    public DigestJob Job(IMailSender? sender = null) => new(
        Index,
        Workflows,
        Directory,
        new DigestComposer(Links),
        new MailDispatcher(sender ?? Sender, new TableMailLedger(LedgerTable), Clock),
        NullLogger<DigestJob>.Instance);

    /// <summary>The occurrence of the 07:00 digest (Europe/Berlin) on <paramref name="day"/>.</summary>
    public static ReminderOccurrence SevenOClock(DateOnly day)
    {
        var local = WorkingCalendar.Nrw.At(day, new TimeOnly(7, 0));
        return new ReminderOccurrence(local.ToUniversalTime(), local);
    }

    /// <summary>Opens a case of client "Amira Haddad" (with consent) and starts clearing; assigns it when asked.</summary>
    public async Task OpenCaseAsync(string caseId, string municipality = "luedenscheid", string? assignee = null)
    {
        var input = new
        {
            municipality,
            district = DemoData.District,
            client = new { givenName = "Amira", familyName = "Haddad", dateOfBirth = "1990-04-12" },
            needs = new { lifeDomains = new[] { "health" }, text = "Traumatherapie" },
            consentToCaseProcessing = true,
        };
        var started = await Workflows.StartAsync(caseId, CaseWorkflow.WorkflowName, KimJson.ToElement(input), "cm-" + municipality);
        Assert.Equal(WorkflowOutcome.Applied, started.Outcome);
        await RaiseAsync(caseId, CaseEvents.StartClearing);
        if (assignee is not null)
        {
            await RaiseAsync(caseId, CaseEvents.Assign, new { caseManagerId = assignee });
        }
    }

    public Task FollowUpAsync(string caseId, string dueAt) =>
        RaiseAsync(caseId, CaseEvents.AddFollowUp, new { dueAt, note = "Amira Haddad: Termin wegen Traumatherapie" });

    /// <summary>Accepts the case and agrees a plan, so it is in Monitoring.</summary>
    public async Task ToMonitoringAsync(string caseId)
    {
        await RaiseAsync(caseId, CaseEvents.Accept);
        await RaiseAsync(caseId, CaseEvents.CompleteAssessment);
        await RaiseAsync(caseId, CaseEvents.AgreePlan, new { goals = new[] { "Deutsch B1" } });
    }

    public async Task ReferAsync(string caseId, string partnerId, string respondBy)
    {
        await RaiseAsync(caseId, CaseEvents.RecordConsent, new
        {
            recipient = partnerId,
            purpose = "Vermittlung",
            categories = new[] { "identity", "contact" },
            form = "written",
            validFrom = WorkingCalendar.Nrw.LocalDate(Clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        await RaiseAsync(caseId, CaseEvents.CreateReferral, new { partnerId, purpose = "Beratung", respondBy });
    }

    public async Task RaiseAsync(string caseId, string name, object? payload = null, WorkflowClient? client = null)
    {
        var result = await (client ?? Workflows).RaiseEventAsync(caseId, name, payload is null ? null : KimJson.ToElement(payload), "cm-luedenscheid");
        Assert.True(result.Outcome == WorkflowOutcome.Applied, $"{name} on {caseId}: {result.Outcome} {result.Rejection}");
    }

    public static CaseWorkflowState SeedState(string caseId, string municipality, string? assignee, DateTimeOffset openedAt, DateTimeOffset followUpDue) => new()
    {
        CaseId = caseId,
        Municipality = municipality,
        District = DemoData.District,
        State = CaseState.Clearing,
        Assignee = assignee,
        Client = new Client { GivenName = "Amira", FamilyName = "Haddad", DateOfBirth = new DateOnly(1990, 4, 12) },
        OpenedBy = "cm-" + municipality,
        OpenedAt = openedAt,
        FollowUps = [new FollowUp("f-1", followUpDue, "Wiedervorlage", "cm-" + municipality, openedAt)],
    };
}
