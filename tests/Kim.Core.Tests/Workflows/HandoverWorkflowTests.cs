using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows;
using Kim.Core.Workflows.Payloads;

namespace Kim.Core.Tests.Workflows;

public class HandoverWorkflowTests
{
    private const string HandoverId = "c-4f7k2:h-1";
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);

    private static (Driver<HandoverWorkflowState> Driver, WorkflowStep Step) Started(string triggerDate = "2026-11-10")
    {
        var driver = new Driver<HandoverWorkflowState>(new HandoverWorkflow(), HandoverId, "c-4f7k2")
        {
            Now = new DateTimeOffset(2026, 11, 12, 10, 0, 0, Winter),
        };
        var step = driver.Start(new HandoverStartInput(
            "c-4f7k2", "luedenscheid", LegalDomain.AsylbLG, LegalDomain.SgbII, DateOnly.Parse(triggerDate, System.Globalization.CultureInfo.InvariantCulture))).Ok();
        return (driver, step);
    }

    [Fact]
    public void Served_on_10_November_the_target_is_30_November_and_the_hard_deadline_31_December()
    {
        var (driver, step) = Started();
        var state = driver.State;
        Assert.Equal((new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 31)), (state.Target, state.HardDeadline));

        var timers = step.Of<StartTimer>().ToDictionary(t => t.TimerId, t => t.DueAt);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, Winter), timers[HandoverTimers.HardDeadline]);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, Winter), timers[HandoverTimers.Target]);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, Winter), timers["step:residence-document:due"]);
        // Three working days before Monday 30 November: Wednesday 25 November, 08:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 8, 0, 0, Winter), timers["step:residence-document:notice"]);
        // Three working days before Thursday 31 December: Monday 28 December (24 December is a working day in NRW).
        Assert.Equal(new DateTimeOffset(2026, 12, 28, 8, 0, 0, Winter), timers["step:jobcentre-application:notice"]);
        Assert.DoesNotContain("step:jobcentre-application:due", timers.Keys);
        Assert.Equal("open", step.CustomStatus);
    }

    [Fact]
    public void A_notice_already_past_at_the_start_is_skipped()
    {
        var driver = new Driver<HandoverWorkflowState>(new HandoverWorkflow(), HandoverId, "c-4f7k2")
        {
            Now = new DateTimeOffset(2026, 11, 27, 10, 0, 0, Winter),
        };
        var step = driver.Start(new HandoverStartInput("c-4f7k2", "luedenscheid", LegalDomain.AsylbLG, LegalDomain.SgbII, new DateOnly(2026, 11, 10))).Ok();
        Assert.DoesNotContain(step.Of<StartTimer>(), t => t.TimerId == "step:residence-document:notice");
        Assert.Contains(step.Of<StartTimer>(), t => t.TimerId == "step:residence-document:due");
    }

    [Fact]
    public void A_missed_hard_deadline_tells_the_coordinators_the_case_reference_and_municipality_only()
    {
        var (driver, _) = Started();
        var due = driver.State.Timers[HandoverTimers.HardDeadline];

        var step = driver.Fire(HandoverTimers.HardDeadline, due).Ok();

        var missed = step.Action(ActionNames.NotifyHardDeadlineMissed);
        Assert.Equal("""{"caseId":"c-4f7k2","municipality":"luedenscheid"}""", missed.Input!.Value.GetRawText());
        Assert.Equal(AlertKind.HardDeadlineMissed, step.Action(ActionNames.NotifyCaseManager).Input<CaseManagerNotice>().Kind);
        Assert.NotNull(driver.State.HardDeadlineMissedAt);
    }

    [Fact]
    public void A_step_notice_and_an_overdue_step_alert_the_case_manager()
    {
        var (driver, _) = Started();
        var notice = driver.Fire("step:residence-document:notice", driver.State.Timers["step:residence-document:notice"]).Ok();
        Assert.Equal(
            (AlertKind.HandoverStepDueSoon, "residence-document"),
            (notice.Action(ActionNames.NotifyCaseManager).Input<CaseManagerNotice>().Kind, notice.Action(ActionNames.NotifyCaseManager).Input<CaseManagerNotice>().Reference));
        var overdue = driver.Fire("step:residence-document:due", driver.State.Timers["step:residence-document:due"]).Ok();
        Assert.Equal(AlertKind.HandoverStepOverdue, overdue.Action(ActionNames.NotifyCaseManager).Input<CaseManagerNotice>().Kind);
    }

    [Fact]
    public void Confirming_a_step_cancels_its_timers_and_tells_the_case()
    {
        var (driver, _) = Started();
        var step = driver.Raise(HandoverEvents.ConfirmStep, new { step = "jobcentre-application" }).Ok();

        Assert.Equal(
            ["step:jobcentre-application:notice", HandoverTimers.HardDeadline, HandoverTimers.Target],
            step.Of<CancelTimer>().Select(c => c.TimerId));
        var raised = step.Single<RaiseEventOn>();
        Assert.Equal(("c-4f7k2", CaseEvents.HandoverUpdated), (raised.InstanceId, raised.Name));
        Assert.NotNull(driver.State.Steps.Single(s => s.Step == "jobcentre-application").ConfirmedAt);
    }

    [Fact]
    public void An_unknown_step_is_rejected_and_a_second_confirmation_changes_nothing()
    {
        var (driver, _) = Started();
        driver.Raise(HandoverEvents.ConfirmStep, new { step = "passport" }).Rejected(RejectionCodes.UnknownStep);
        driver.Raise(HandoverEvents.ConfirmStep, new { step = "health-insurance" }).Ok();
        var again = driver.Raise(HandoverEvents.ConfirmStep, new { step = "health-insurance" }).Ok();
        Assert.Empty(again.Commands);
    }

    [Fact]
    public void All_steps_confirmed_completes_the_handover()
    {
        var (driver, _) = Started();
        WorkflowStep last = null!;
        foreach (var id in new[] { "residence-document", "asylblg-end-confirmed", "jobcentre-application", "health-insurance", "integration-course" })
        {
            last = driver.Raise(HandoverEvents.ConfirmStep, new { step = id }).Ok();
        }

        var output = Kim.Core.KimJson.FromElement<HandoverUpdate>(last.Single<CompleteWorkflow>().Output!.Value);
        Assert.Equal(HandoverStatus.Completed, output.Status);
        Assert.All(output.Steps, s => Assert.NotNull(s.ConfirmedAt));
        Assert.Empty(driver.State.Timers);
        Assert.Equal("completed", last.CustomStatus);
    }

    [Fact]
    public void A_cancelled_handover_completes_unfinished()
    {
        var (driver, _) = Started();
        var step = driver.Raise(HandoverEvents.Cancel, new { reason = "case-closed" }).Ok();
        Assert.Equal(HandoverStatus.Cancelled, Kim.Core.KimJson.FromElement<HandoverUpdate>(step.Single<CompleteWorkflow>().Output!.Value).Status);
        Assert.Empty(driver.State.Timers);
        driver.Raise(HandoverEvents.ConfirmStep, new { step = "health-insurance" }).Rejected(RejectionCodes.IllegalTransition);
    }
}
