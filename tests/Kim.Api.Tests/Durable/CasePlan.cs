namespace Kim.Api.Tests.Durable;

/// <summary>What the crash test does with one case: every case gets a follow-up; some a consent and a referral, some a handover.</summary>
/// <param name="Number">The case's number in the workload (its intake's partner reference ends with it).</param>
/// <param name="Refer">Whether it gets a consent for and a referral to jobcenter-mk.</param>
/// <param name="HandOver">Whether it is brought to Monitoring and gets a handover from AsylbLG to SGB II.</param>
/// <param name="FollowUpIn">How long after it is created its follow-up falls due.</param>
internal sealed record CasePlan(int Number, bool Refer, bool HandOver, TimeSpan FollowUpIn)
{
    /// <summary>The case id the intake answered.</summary>
    public string CaseId { get; set; } = string.Empty;

    /// <summary>The staff commands sent (each once, or found applied after a kill).</summary>
    public List<string> Commands { get; } = [];
}
