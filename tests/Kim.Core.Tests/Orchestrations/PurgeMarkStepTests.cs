using Kim.Core.Orchestrations;

namespace Kim.Core.Tests.Orchestrations;

/// <summary>
/// When a deleted case's purge mark goes (<see cref="CaseInstancePurge.NextStep"/>): only after the
/// sweeps found no instance of the case for the whole grace, counted from the first quiet pass.
/// </summary>
public sealed class PurgeMarkStepTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_pass_that_finds_instances_keeps_the_mark()
    {
        Assert.Equal(PurgeMarkStep.Keep, CaseInstancePurge.NextStep(3, quietSince: null, Now));
    }

    [Fact]
    public void An_instance_that_comes_back_after_a_quiet_pass_starts_the_grace_again()
    {
        Assert.Equal(PurgeMarkStep.Restart, CaseInstancePurge.NextStep(1, Now - CaseInstancePurge.Grace, Now));
    }

    [Fact]
    public void The_first_quiet_pass_starts_the_grace_and_does_not_delete_the_mark()
    {
        Assert.Equal(PurgeMarkStep.StartQuiet, CaseInstancePurge.NextStep(0, quietSince: null, Now));
    }

    [Fact]
    public void The_mark_goes_once_the_grace_has_passed_without_an_instance_and_not_a_second_earlier()
    {
        Assert.Equal(PurgeMarkStep.Keep, CaseInstancePurge.NextStep(0, Now - CaseInstancePurge.Grace + TimeSpan.FromSeconds(1), Now));
        Assert.Equal(PurgeMarkStep.Delete, CaseInstancePurge.NextStep(0, Now - CaseInstancePurge.Grace, Now));
    }

    [Fact]
    public void A_quiet_time_that_began_after_now_by_another_host_s_clock_keeps_the_mark()
    {
        Assert.Equal(PurgeMarkStep.Keep, CaseInstancePurge.NextStep(0, Now + TimeSpan.FromMinutes(5), Now));
    }
}
