using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows;

namespace Kim.Core.Tests.Workflows;

public class PurityTests
{
    [Fact]
    public void The_same_state_event_and_time_give_the_same_step()
    {
        var driver = CaseDriver.In(CaseState.Monitoring);
        var e = new EventRaised("start-handover", Kim.Core.KimJson.ToElement(new { from = "AsylbLG", to = "SGB II", triggerDate = "2026-11-10" }))
        {
            EventId = "e-x",
            At = driver.Now,
            Actor = "cm-luedenscheid",
        };
        var context = new WorkflowContext(CaseDriver.CaseId, null, driver.Now);
        var workflow = new CaseWorkflow();

        var first = workflow.Apply(driver.Json, e, context);
        var second = new CaseWorkflow().Apply(driver.Json, e, context);

        Assert.Equal(first.State!.Value.GetRawText(), second.State!.Value.GetRawText());
        Assert.Equal(Kim.Core.KimJson.ToElement(first.Commands).GetRawText(), Kim.Core.KimJson.ToElement(second.Commands).GetRawText());
        Assert.Equal(first.CustomStatus, second.CustomStatus);
    }

    [Fact]
    public void The_state_round_trips_through_KimJson()
    {
        var driver = CaseDriver.In(CaseState.HandoverPending);
        driver.Raise(CaseEvents.RecordConsent, CaseDriver.Consent()).Ok();
        driver.Raise(CaseEvents.CreateReferral, new { partnerId = "caritas-luedenscheid", purpose = "Beratung" }).Ok();
        driver.Raise(CaseEvents.RecordContact, new { channel = "video", note = "ok" }).Ok();
        driver.Raise(CaseEvents.AddFollowUp, new { dueAt = "2026-11-20", note = "x" }).Ok();

        var json = driver.Json!.Value.GetRawText();
        var again = Kim.Core.KimJson.ToElement(Kim.Core.KimJson.FromElement<CaseWorkflowState>(driver.Json!.Value)).GetRawText();
        Assert.Equal(json, again);
    }

    [Fact]
    public void Events_before_the_start_are_refused()
    {
        var workflow = new CaseWorkflow();
        var step = workflow.Apply(null, new EventRaised("accept", null) { EventId = "e", At = DateTimeOffset.UnixEpoch, Actor = "x" }, new WorkflowContext("c-1", null, DateTimeOffset.UnixEpoch));
        Assert.Equal(RejectionCodes.NotStarted, step.Rejection?.Code);
    }
}
