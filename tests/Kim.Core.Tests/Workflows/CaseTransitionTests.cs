using Kim.Core.Cases;
using Kim.Core.Records;
using Kim.Core.Workflows;

namespace Kim.Core.Tests.Workflows;

public class CaseTransitionTests
{
    private static readonly Dictionary<CaseState, string[]> Legal = new()
    {
        [CaseState.Referred] = [CaseEvents.StartClearing, CaseEvents.Close],
        [CaseState.Clearing] = [CaseEvents.Accept, CaseEvents.Decline, CaseEvents.Close],
        [CaseState.Assessment] = [CaseEvents.CompleteAssessment, CaseEvents.Close],
        [CaseState.Planning] = [CaseEvents.AgreePlan, CaseEvents.Close],
        [CaseState.Monitoring] = [CaseEvents.Close],
        [CaseState.HandoverPending] = [CaseEvents.Close],
        [CaseState.Declined] = [],
        [CaseState.Closed] = [CaseEvents.Reopen],
    };

    public static TheoryData<CaseState, string> IllegalTransitions()
    {
        var data = new TheoryData<CaseState, string>();
        foreach (var (state, legal) in Legal)
        {
            foreach (var transition in CaseEvents.Transitions.Except(legal))
            {
                data.Add(state, transition);
            }
        }

        return data;
    }

    public static TheoryData<CaseState, string, CaseState> LegalTransitions() => new()
    {
        { CaseState.Referred, CaseEvents.StartClearing, CaseState.Clearing },
        { CaseState.Clearing, CaseEvents.Accept, CaseState.Assessment },
        { CaseState.Clearing, CaseEvents.Decline, CaseState.Declined },
        { CaseState.Assessment, CaseEvents.CompleteAssessment, CaseState.Planning },
        { CaseState.Planning, CaseEvents.AgreePlan, CaseState.Monitoring },
        { CaseState.Closed, CaseEvents.Reopen, CaseState.Monitoring },
        { CaseState.Referred, CaseEvents.Close, CaseState.Closed },
        { CaseState.Clearing, CaseEvents.Close, CaseState.Closed },
        { CaseState.Assessment, CaseEvents.Close, CaseState.Closed },
        { CaseState.Planning, CaseEvents.Close, CaseState.Closed },
        { CaseState.Monitoring, CaseEvents.Close, CaseState.Closed },
        { CaseState.HandoverPending, CaseEvents.Close, CaseState.Closed },
    };

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void Legal_transitions_move_the_case(CaseState from, string transition, CaseState to)
    {
        var driver = CaseDriver.In(from);
        var step = driver.Raise(transition, PayloadFor(transition)).Ok();
        Assert.Equal(to, driver.State.State);
        Assert.Equal(to.ToName(), step.CustomStatus);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void Illegal_transitions_are_rejected_with_the_current_state(CaseState from, string transition)
    {
        var driver = CaseDriver.In(from);
        var before = driver.Json!.Value.GetRawText();
        var rejection = driver.Raise(transition, PayloadFor(transition)).Rejected(RejectionCodes.IllegalTransition);
        Assert.Equal(from.ToName(), rejection.CurrentState);
        Assert.Equal(before, driver.Json!.Value.GetRawText());
    }

    [Fact]
    public void Start_handover_needs_monitoring()
    {
        var driver = CaseDriver.In(CaseState.Planning);
        var rejection = driver.Raise(CaseEvents.StartHandover, new { from = "AsylbLG", to = "SGB II", triggerDate = "2026-11-10" })
            .Rejected(RejectionCodes.IllegalTransition);
        Assert.Equal("planning", rejection.CurrentState);
    }

    [Fact]
    public void Reopen_within_the_retention_period_returns_to_monitoring_with_its_timers()
    {
        var driver = CaseDriver.In(CaseState.Closed);
        var deleteAfter = driver.State.DeleteAfter!.Value;
        Assert.Equal(new DateTimeOffset(2029, 11, 2, 9, 0, 0, TimeSpan.FromHours(1)), deleteAfter);
        driver.Now = deleteAfter.AddDays(-1);

        var step = driver.Raise(CaseEvents.Reopen).Ok();

        Assert.Equal(CaseState.Monitoring, driver.State.State);
        Assert.Contains(step.Commands, c => c is CancelTimer { TimerId: CaseTimers.Purge });
        Assert.Contains(step.Commands, c => c is StartTimer { TimerId: CaseTimers.PlanReview });
        Assert.Contains(step.Commands, c => c is StartTimer { TimerId: CaseTimers.NoContact });
        Assert.Null(driver.State.DeleteAfter);
    }

    [Fact]
    public void Reopen_after_the_retention_period_is_illegal()
    {
        var driver = CaseDriver.In(CaseState.Closed);
        driver.Now = driver.State.DeleteAfter!.Value;
        var rejection = driver.Raise(CaseEvents.Reopen).Rejected(RejectionCodes.IllegalTransition);
        Assert.Equal("closed", rejection.CurrentState);
    }

    [Fact]
    public void Decline_needs_a_reason() =>
        CaseDriver.In(CaseState.Clearing).Raise(CaseEvents.Decline, new { }).Rejected(RejectionCodes.InvalidPayload);

    [Fact]
    public void Close_needs_a_known_reason() =>
        CaseDriver.In(CaseState.Monitoring).Raise(CaseEvents.Close, new { reason = "bored" }).Rejected(RejectionCodes.InvalidPayload);

    [Fact]
    public void Close_without_a_reason_is_refused_rather_than_counted_as_goals_met()
    {
        var driver = CaseDriver.In(CaseState.Monitoring);
        driver.Raise(CaseEvents.Close, new { }).Rejected(RejectionCodes.InvalidPayload);
        Assert.Equal(CaseState.Monitoring, driver.State.State);
        Assert.Null(driver.State.ClosureReason);
    }

    [Fact]
    public void Agree_plan_needs_goals() =>
        CaseDriver.In(CaseState.Planning).Raise(CaseEvents.AgreePlan, new { goals = Array.Empty<string>() }).Rejected(RejectionCodes.InvalidPayload);

    [Fact]
    public void Goals_are_kept_from_strings_and_objects()
    {
        var goals = CaseDriver.In(CaseState.Monitoring).State.Goals;
        Assert.Equal([new Goal("Deutsch B1"), new Goal("Arbeit finden", LifeDomain.Work)], goals);
    }

    [Fact]
    public void An_unknown_event_is_rejected() =>
        CaseDriver.New().Raise("fly-to-the-moon").Rejected(RejectionCodes.UnknownEvent);

    [Fact]
    public void Partners_see_their_intake_as_a_status_only()
    {
        Assert.Equal(IntakeStatus.Received, CaseDriver.In(CaseState.Referred).State.IntakeStatus);
        Assert.Equal(IntakeStatus.InClearing, CaseDriver.In(CaseState.Clearing).State.IntakeStatus);
        Assert.Equal(IntakeStatus.Accepted, CaseDriver.In(CaseState.Assessment).State.IntakeStatus);
        Assert.Equal(IntakeStatus.Accepted, CaseDriver.In(CaseState.HandoverPending).State.IntakeStatus);
        Assert.Equal(IntakeStatus.Declined, CaseDriver.In(CaseState.Declined).State.IntakeStatus);
        Assert.Equal(IntakeStatus.Closed, CaseDriver.In(CaseState.Closed).State.IntakeStatus);
    }

    private static object? PayloadFor(string transition) => transition switch
    {
        CaseEvents.Decline => new { reason = "Regelangebot reicht aus" },
        CaseEvents.AgreePlan => new { goals = new[] { "Deutsch B1" } },
        CaseEvents.Close => new { reason = "moved-away" },
        _ => null,
    };
}
