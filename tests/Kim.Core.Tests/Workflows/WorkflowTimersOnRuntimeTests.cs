using System.Text.Json;
using Kim.Core.Runtime;
using Kim.Core.Workflows;
using Kim.Testing;
using InMemoryInstanceStore = Kim.Testing.Runtime.InMemoryInstanceStore;
using InMemoryWorkQueue = Kim.Testing.Runtime.InMemoryWorkQueue;
using RecordingActionHandler = Kim.Testing.Runtime.RecordingActionHandler;

namespace Kim.Core.Tests.Workflows;

/// <summary>
/// Kim's real workflow definitions on the durable runtime (in-memory store and queue) with a fake
/// clock: timers set by a decision fire through the queue at their due time, not before, and an
/// event in time leaves no reminder behind.
/// </summary>
public sealed class WorkflowTimersOnRuntimeTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, TimeSpan.FromHours(1));

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly InMemoryWorkQueue _queue;
    private readonly WorkflowRuntime _runtime;
    private readonly Dictionary<string, RecordingActionHandler> _actions;

    public WorkflowTimersOnRuntimeTests()
    {
        _queue = new InMemoryWorkQueue(_clock);
        _actions = new[] { ActionNames.NotifyCaseManager, ActionNames.NotifyPartnerReferral, ActionNames.RemindPartner, ActionNames.NotifyHardDeadlineMissed, ActionNames.PurgeCase }
            .ToDictionary(name => name, name => new RecordingActionHandler(name));
        var workflows = new WorkflowRegistry();
        foreach (var definition in KimWorkflows.Create())
        {
            workflows.Add(definition);
        }

        var actions = new ActionRegistry();
        foreach (var handler in _actions.Values)
        {
            actions.Add(handler);
        }

        _runtime = new WorkflowRuntime(
            new InMemoryInstanceStore(), _queue, new InMemoryWorkQueue(_clock), workflows, actions, new WorkflowRuntimeOptions(), _clock);
    }

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact(Timeout = 60_000)]
    public async Task A_referral_without_an_answer_by_its_deadline_produces_the_reminder_event_and_the_partner_reminder()
    {
        var referralId = await ReferredCaseAsync(respondBy: "2026-11-16");

        await AdvanceToAsync(new DateTimeOffset(2026, 11, 16, 23, 0, 0, TimeSpan.FromHours(1)));
        Assert.Empty(_actions[ActionNames.RemindPartner].Calls);

        await AdvanceToAsync(new DateTimeOffset(2026, 11, 17, 0, 30, 0, TimeSpan.FromHours(1)));

        var fired = await TimersFiredAsync(referralId);
        Assert.Contains(ReferralTimers.PartnerResponse, fired);
        var reminder = Assert.Single(_actions[ActionNames.RemindPartner].Calls);
        Assert.Contains(referralId, reminder.Input!.Value.GetRawText(), StringComparison.Ordinal);
        var referral = await _runtime.Client.GetAsync(referralId, Timeout);
        Assert.Contains(
            referral!.State!.Value.GetProperty("alerts").EnumerateArray(),
            alert => alert.GetProperty("kind").GetString() == "partner-response-overdue");
    }

    [Fact(Timeout = 60_000)]
    public async Task An_answer_in_time_produces_no_reminder()
    {
        var referralId = await ReferredCaseAsync(respondBy: "2026-11-16");
        await AdvanceToAsync(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.FromHours(1)));

        var answer = await _runtime.Client.RaiseEventAsync(
            referralId, ReferralEvents.Respond, KimJson.ToElement(new { decision = "accepted" }), Actors.Partner("jobcenter-mk"), cancellationToken: Timeout);
        Assert.Equal(WorkflowOutcome.Applied, answer.Outcome);
        await AdvanceToAsync(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(1)));

        Assert.DoesNotContain(ReferralTimers.PartnerResponse, await TimersFiredAsync(referralId));
        Assert.Empty(_actions[ActionNames.RemindPartner].Calls);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_residence_document_expiring_in_8_weeks_produces_its_event_on_that_morning_and_not_before()
    {
        // Expires 2027-01-25: the warning is due 8 weeks before, 2026-11-30, at 08:00 Berlin time.
        await StartAcceptedCaseAsync("c-expiry", residenceDocumentExpires: "2027-01-25");

        await AdvanceToAsync(new DateTimeOffset(2026, 11, 30, 7, 59, 0, TimeSpan.FromHours(1)));
        Assert.DoesNotContain("residence-document-expiring", await AlertKindsAsync("c-expiry"));

        await AdvanceToAsync(new DateTimeOffset(2026, 11, 30, 8, 1, 0, TimeSpan.FromHours(1)));
        Assert.Contains("residence-document-expiring", await AlertKindsAsync("c-expiry"));
        Assert.Contains(
            _actions[ActionNames.NotifyCaseManager].Calls,
            call => call.Input!.Value.GetRawText().Contains("residence-document-expiring", StringComparison.Ordinal));
    }

    private async Task<string> ReferredCaseAsync(string respondBy)
    {
        await StartAcceptedCaseAsync("c-ref", residenceDocumentExpires: null);
        await Raise("c-ref", CaseEvents.RecordConsent, new
        {
            recipient = "jobcenter-mk",
            purpose = "Vermittlung",
            categories = new[] { "identity" },
            form = "written",
            validFrom = "2026-11-01",
        });
        await Raise("c-ref", CaseEvents.CreateReferral, new { partnerId = "jobcenter-mk", purpose = "Sprachkurs", respondBy });
        await SettleAsync();
        return "c-ref:r-1";
    }

    private async Task StartAcceptedCaseAsync(string caseId, string? residenceDocumentExpires)
    {
        var input = KimJson.ToElement(new
        {
            municipality = "luedenscheid",
            district = "mk",
            client = new { givenName = "Amira", familyName = "Haddad", residenceDocumentExpires },
            urgency = "normal",
            consentToCaseProcessing = true,
        });
        Assert.Equal(WorkflowOutcome.Applied, (await _runtime.Client.StartAsync(caseId, CaseWorkflow.WorkflowName, input, "cm-luedenscheid", Timeout)).Outcome);
        await Raise(caseId, CaseEvents.StartClearing, null);
        await Raise(caseId, CaseEvents.Accept, null);
    }

    private async Task Raise(string instanceId, string name, object? payload)
    {
        var result = await _runtime.Client.RaiseEventAsync(
            instanceId, name, payload is null ? null : KimJson.ToElement(payload), "cm-luedenscheid", cancellationToken: Timeout);
        Assert.True(result.Outcome == WorkflowOutcome.Applied, $"{name}: {result.Outcome} {result.Rejection}");
    }

    /// <summary>Moves the clock to <paramref name="until"/>, processing every message that becomes visible on the way.</summary>
    private async Task AdvanceToAsync(DateTimeOffset until)
    {
        await SettleAsync();
        while (_queue.NextVisibleAt is { } next && next <= until)
        {
            if (next > _clock.GetUtcNow())
            {
                _clock.SetUtcNow(next);
            }

            await SettleAsync();
        }

        if (until > _clock.GetUtcNow())
        {
            _clock.SetUtcNow(until);
        }

        await SettleAsync();
    }

    private async Task SettleAsync()
    {
        var dispatcher = _runtime.CreateDispatcher();
        while ((await dispatcher.ProcessBatchAsync(Timeout)).Count > 0)
        {
        }
    }

    private async Task<List<string>> TimersFiredAsync(string instanceId) =>
        [.. (await _runtime.Client.GetHistoryAsync(instanceId, 0, 1000, Timeout)).Entries
            .Where(h => h.Kind == "timer-fired")
            .Select(h => h.Data.GetProperty("timerId").GetString()!)];

    private async Task<List<string>> AlertKindsAsync(string caseId)
    {
        var snapshot = await _runtime.Client.GetAsync(caseId, Timeout);
        return [.. snapshot!.State!.Value.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("kind").GetString()!)];
    }
}
