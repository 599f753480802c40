using Kim.Core.Orchestrations;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Microsoft.DurableTask.Client;

namespace Kim.Core.Tests.Orchestrations;

/// <summary>
/// Each orchestration of Kim on the in-memory Durable Task test host, driven through the app's
/// fake clock and wake-up events (<see cref="OrchestrationRig"/>): what is due happens once, at or
/// after its due time by the app's clock, never before; what is answered in time stays silent.
/// </summary>
public sealed class OrchestrationTests
{
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    [Fact(Timeout = 60_000)]
    public async Task The_referral_orchestration_announces_once_and_reminds_the_partner_after_the_deadline_not_before()
    {
        await using var rig = await OrchestrationRig.StartAsync();
        var referralId = await ReferredCaseAsync(rig, respondBy: "2026-11-16");
        Assert.Single(rig.Actions[ActionNames.NotifyPartnerReferral].Calls);
        Assert.NotNull(await rig.Durable.GetInstanceAsync(referralId));

        await rig.AdvanceToAsync(new DateTimeOffset(2026, 11, 16, 23, 0, 0, Winter));
        Assert.Empty(rig.Actions[ActionNames.RemindPartner].Calls);

        await rig.AdvanceToAsync(new DateTimeOffset(2026, 11, 17, 0, 30, 0, Winter));
        Assert.Contains(ReferralTimers.PartnerResponse, await rig.TimersFiredAsync(referralId));
        var reminder = Assert.Single(rig.Actions[ActionNames.RemindPartner].Calls);
        Assert.Contains(referralId, reminder.Input!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.Equal($"{referralId}|{reminder.ActionId}", reminder.IdempotencyKey);
        Assert.Contains("partner-response-overdue", await rig.AlertKindsAsync(referralId));
        Assert.Single(rig.Actions[ActionNames.NotifyPartnerReferral].Calls);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_answer_in_time_leaves_the_referral_orchestration_silent()
    {
        await using var rig = await OrchestrationRig.StartAsync();
        var referralId = await ReferredCaseAsync(rig, respondBy: "2026-11-16");
        await rig.AdvanceToAsync(new DateTimeOffset(2026, 11, 10, 9, 0, 0, Winter));

        await rig.RaiseAsync(referralId, ReferralEvents.Respond, new { decision = "accepted" }, Actors.Partner("jobcenter-mk"));
        await rig.AdvanceToAsync(new DateTimeOffset(2026, 11, 20, 9, 0, 0, Winter));

        Assert.DoesNotContain(ReferralTimers.PartnerResponse, await rig.TimersFiredAsync(referralId));
        Assert.Empty(rig.Actions[ActionNames.RemindPartner].Calls);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_case_clock_warns_of_an_expiring_residence_document_on_that_morning_and_not_before()
    {
        // Expires 2027-01-25: the warning is due 8 weeks before, 2026-11-30, at 08:00 Berlin time.
        await using var rig = await OrchestrationRig.StartAsync();
        await StartAcceptedCaseAsync(rig, "c-expiry", residenceDocumentExpires: "2027-01-25");
        Assert.NotNull(await rig.Durable.GetInstanceAsync("c-expiry"));

        await rig.AdvanceToAsync(new DateTimeOffset(2026, 11, 30, 7, 59, 0, Winter));
        Assert.DoesNotContain("residence-document-expiring", await rig.AlertKindsAsync("c-expiry"));

        await rig.AdvanceToAsync(new DateTimeOffset(2026, 11, 30, 8, 1, 0, Winter));
        Assert.Contains("residence-document-expiring", await rig.AlertKindsAsync("c-expiry"));
        Assert.Single(
            rig.Actions[ActionNames.NotifyCaseManager].Calls,
            call => call.Input!.Value.GetRawText().Contains("residence-document-expiring", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_follow_up_has_an_orchestration_of_its_own_that_sends_its_notice_once_however_often_it_is_woken()
    {
        await using var rig = await OrchestrationRig.StartAsync();
        await StartAcceptedCaseAsync(rig, "c-follow", residenceDocumentExpires: null);
        await rig.RaiseAsync("c-follow", CaseEvents.AddFollowUp, new { dueAt = "2026-11-05T10:00:00+01:00", note = "Rückruf" });
        Assert.NotNull(await rig.Durable.GetInstanceAsync("c-follow:f-1"));

        await rig.AdvanceToAsync(new DateTimeOffset(2026, 11, 5, 9, 59, 0, Winter));
        Assert.DoesNotContain(CaseTimers.FollowUp("f-1"), await rig.TimersFiredAsync("c-follow"));

        await rig.AdvanceToAsync(new DateTimeOffset(2026, 11, 5, 10, 0, 0, Winter));
        for (var i = 0; i < 3; i++)
        {
            await rig.Waker.WakeAsync(new ClockAddress("c-follow:f-1", nameof(FollowUpOrchestrator)), "c-follow", OrchestrationRig.Timeout);
        }

        await rig.SettleAsync();
        Assert.Single(await rig.TimersFiredAsync("c-follow"), CaseTimers.FollowUp("f-1"));
        Assert.Single(
            rig.Actions[ActionNames.NotifyCaseManager].Calls,
            call => call.ActionId.StartsWith("notify:followup:f-1:", StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_handover_orchestration_tells_of_a_missed_hard_deadline_after_it_passed()
    {
        await using var rig = await OrchestrationRig.StartAsync();
        await StartAcceptedCaseAsync(rig, "c-hand", residenceDocumentExpires: null);
        await rig.RaiseAsync("c-hand", CaseEvents.CompleteAssessment, null);
        await rig.RaiseAsync("c-hand", CaseEvents.AgreePlan, new { goals = new object[] { "Deutsch B1" } });
        await rig.RaiseAsync("c-hand", CaseEvents.StartHandover, new { from = "AsylbLG", to = "SGB II", triggerDate = "2026-11-10" });
        Assert.NotNull(await rig.Durable.GetInstanceAsync("c-hand:h-1"));

        await rig.AdvanceToAsync(new DateTimeOffset(2026, 12, 31, 23, 59, 0, Winter));
        Assert.Empty(rig.Actions[ActionNames.NotifyHardDeadlineMissed].Calls);

        await rig.AdvanceToAsync(new DateTimeOffset(2027, 1, 1, 0, 1, 0, Winter));
        Assert.Contains(HandoverTimers.HardDeadline, await rig.TimersFiredAsync("c-hand:h-1"));
        Assert.Single(rig.Actions[ActionNames.NotifyHardDeadlineMissed].Calls);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_orchestration_whose_record_is_purged_ends()
    {
        await using var rig = await OrchestrationRig.StartAsync();
        await StartAcceptedCaseAsync(rig, "c-gone", residenceDocumentExpires: null);

        await rig.Records.Client.PurgeAsync("c-gone", OrchestrationRig.Timeout);
        await rig.Waker.WakeAsync(new ClockAddress("c-gone", nameof(CaseClockOrchestrator)), "c-gone", OrchestrationRig.Timeout);

        var ended = await rig.Durable.WaitForInstanceCompletionAsync("c-gone", getInputsAndOutputs: true, OrchestrationRig.Timeout);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, ended.RuntimeStatus);
        Assert.Equal("gone", ended.ReadOutputAs<string>());
    }

    private static async Task<string> ReferredCaseAsync(OrchestrationRig rig, string respondBy)
    {
        await StartAcceptedCaseAsync(rig, "c-ref", residenceDocumentExpires: null);
        await rig.RaiseAsync("c-ref", CaseEvents.RecordConsent, new
        {
            recipient = "jobcenter-mk",
            purpose = "Vermittlung",
            categories = new[] { "identity" },
            form = "written",
            validFrom = "2026-11-01",
        });
        await rig.RaiseAsync("c-ref", CaseEvents.CreateReferral, new { partnerId = "jobcenter-mk", purpose = "Sprachkurs", respondBy });
        return "c-ref:r-1";
    }

    private static async Task StartAcceptedCaseAsync(OrchestrationRig rig, string caseId, string? residenceDocumentExpires)
    {
        await rig.StartCaseAsync(caseId, new
        {
            municipality = "luedenscheid",
            district = "mk",
            client = new { givenName = "Amira", familyName = "Haddad", residenceDocumentExpires },
            urgency = "normal",
            consentToCaseProcessing = true,
        });
        await rig.RaiseAsync(caseId, CaseEvents.StartClearing, null);
        await rig.RaiseAsync(caseId, CaseEvents.Accept, null);
    }
}
