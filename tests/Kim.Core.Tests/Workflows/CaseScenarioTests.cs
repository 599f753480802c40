using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Kim.Core.Workflows.Payloads;

namespace Kim.Core.Tests.Workflows;

public class CaseScenarioTests
{
    [Fact]
    public void A_whole_case_from_intake_to_closure()
    {
        var workflows = KimWorkflows.Create();
        Assert.Equal(["case", "referral", "handover"], workflows.Select(w => w.Name));

        var kase = new Driver<CaseWorkflowState>(new CaseWorkflow(), "c-4f7k2");
        kase.Start(CaseDriver.Intake(consent: false)).Ok();
        kase.Raise(CaseEvents.Assign, new { caseManagerId = "cm-luedenscheid" }).Ok();
        kase.Raise(CaseEvents.StartClearing).Ok();
        kase.Raise(CaseEvents.RecordConsent, new
        {
            recipient = "luedenscheid",
            purpose = "case-processing",
            categories = new[] { "identity", "contact", "residence", "benefits", "needs" },
            form = "written",
            validFrom = "2026-11-02",
            documentId = "d-1",
        }).Ok();
        kase.Raise(CaseEvents.UpdateClient, new { residenceStatus = "recognised-refugee", legalDomains = new[] { "AsylbLG" } }).Ok();
        kase.Raise(CaseEvents.Accept).Ok();
        kase.Raise(CaseEvents.UpdateNeeds, new { lifeDomains = new[] { "language", "work" }, text = "Sprachkurs, Arbeit" }).Ok();
        kase.Raise(CaseEvents.CompleteAssessment).Ok();
        kase.Raise(CaseEvents.AgreePlan, new { goals = new[] { "Deutsch B1", "Arbeit" } }).Ok();

        kase.Raise(CaseEvents.RecordConsent, CaseDriver.Consent()).Ok();
        var created = kase.Raise(CaseEvents.CreateReferral, new { partnerId = "caritas-luedenscheid", purpose = "Migrationsberatung" }).Ok();
        var start = created.Single<StartChild>();

        // The referral runs as its own instance; the partner accepts, the client arrives.
        var referral = new Driver<ReferralWorkflowState>(new ReferralWorkflow(), start.ChildInstanceId, kase.State.CaseId) { Now = kase.Now };
        referral.Apply(new WorkflowStarted(start.Input) { EventId = "r-start", At = kase.Now, Actor = "cm-luedenscheid" }).Ok();
        var accepted = referral.Raise(ReferralEvents.Respond, new { decision = "accepted" }, actor: Actors.Partner("caritas-luedenscheid")).Ok();
        var update = accepted.Single<RaiseEventOn>();
        kase.Apply(new EventRaised(update.Name, update.Payload) { EventId = "u-1", At = kase.Now, Actor = Actors.System }).Ok();
        Assert.Equal(ReferralState.Accepted, kase.State.Referrals[0].State);
        var done = referral.Raise(ReferralEvents.Outcome, new { successful = true }).Ok();
        kase.ChildCompleted(start.ChildInstanceId, ReferralWorkflow.WorkflowName, Kim.Core.KimJson.FromElement<ReferralUpdate>(done.Single<CompleteWorkflow>().Output!.Value)).Ok();
        Assert.Equal((ReferralState.Done, true), (kase.State.Referrals[0].State, kase.State.Referrals[0].Successful));

        kase.Raise(CaseEvents.AddFollowUp, new { dueAt = "2026-11-16", note = "Kurs begonnen?" }).Ok();
        kase.Raise(CaseEvents.RecordContact, new { channel = "phone", note = "Kurs läuft" }).Ok();
        kase.Raise(CaseEvents.CompleteFollowUp, new { followUpId = "f-1" }).Ok();
        kase.Raise(CaseEvents.RecordBarrier, new { category = "waiting-time", agency = "immigration-office", description = "Termin erst in 10 Wochen" }).Ok();

        // Recognition served on 10 November: the handover runs until every step is confirmed.
        kase.Now = new DateTimeOffset(2026, 11, 12, 10, 0, 0, TimeSpan.FromHours(1));
        var handoverStart = kase.Raise(CaseEvents.StartHandover, new { from = "AsylbLG", to = "SGB II", triggerDate = "2026-11-10" }).Ok().Single<StartChild>();
        Assert.Equal(("c-4f7k2:h-1", CaseState.HandoverPending), (handoverStart.ChildInstanceId, kase.State.State));
        var handover = new Driver<HandoverWorkflowState>(new HandoverWorkflow(), handoverStart.ChildInstanceId, "c-4f7k2") { Now = kase.Now };
        handover.Apply(new WorkflowStarted(handoverStart.Input) { EventId = "h-start", At = kase.Now, Actor = "cm-luedenscheid" }).Ok();
        WorkflowStep last = null!;
        foreach (var step in kase.State.Handovers[0].Steps)
        {
            last = handover.Raise(HandoverEvents.ConfirmStep, new { step = step.Step }).Ok();
        }

        var output = Kim.Core.KimJson.FromElement<HandoverUpdate>(last.Single<CompleteWorkflow>().Output!.Value);
        kase.ChildCompleted(handoverStart.ChildInstanceId, HandoverWorkflow.WorkflowName, output).Ok();
        Assert.Equal(CaseState.Monitoring, kase.State.State);
        Assert.Equal(HandoverStatus.Completed, kase.State.Handovers[0].Status);

        kase.Raise(CaseEvents.Close, new { reason = "goals-met" }).Ok();
        var state = kase.State;
        Assert.Equal((CaseState.Closed, ClosureReason.GoalsMet, "cm-luedenscheid"), (state.State, state.ClosureReason, state.Assignee));
        Assert.Equal([CaseTimers.Purge], state.Timers.Keys);
        Assert.Null(state.NextDue);
        Assert.Single(state.Barriers);
        Assert.Equal(IntakeStatus.Closed, state.IntakeStatus);
    }
}
