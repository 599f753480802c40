using Kim.Core.Cases;

namespace Kim.Core.Workflows;

/// <summary>
/// One kind of handover: which legal-domain change it covers and how its target, hard deadline and
/// steps follow from the trigger date. Code, not state: an instance keeps the plan computed at its start.
/// </summary>
public sealed record HandoverTemplate(
    string Kind,
    LegalDomain From,
    LegalDomain To,
    Func<DateOnly, DateOnly> Target,
    Func<DateOnly, DateOnly> HardDeadline,
    IReadOnlyList<HandoverStepRule> Steps)
{
    /// <summary>
    /// AsylbLG → SGB II after recognition. Trigger: the day the decision is served (month M).
    /// AsylbLG ends with month M (§1(3) AsylbLG); SGB II is paid from the month of the application
    /// (§37(2) SGB II). Target: last day of M. Hard deadline: last day of M+1.
    /// Step deadlines (our choice; DOMAIN.md names the steps only):
    /// <list type="bullet">
    /// <item><c>residence-document</c> by the target: the permit or Fiktionsbescheinigung is what the
    /// Sozialamt and the job centre ask for.</item>
    /// <item><c>asylblg-end-confirmed</c> by the target: the Sozialamt's notice ends AsylbLG with month M.</item>
    /// <item><c>jobcentre-application</c> by the hard deadline (the target is the aim, checked by a
    /// separate target timer).</item>
    /// <item><c>health-insurance</c> by the hard deadline: membership starts with SGB II and is
    /// registered with the application.</item>
    /// <item><c>integration-course</c> by the last day of M+2: important, but no money is lost.</item>
    /// </list>
    /// </summary>
    public static HandoverTemplate AsylblgToSgbII { get; } = new(
        "asylblg-to-sgb2",
        LegalDomain.AsylbLG,
        LegalDomain.SgbII,
        trigger => EndOfMonth(trigger, 0),
        trigger => EndOfMonth(trigger, 1),
        [
            new(HandoverSteps.ResidenceDocument, trigger => EndOfMonth(trigger, 0)),
            new(HandoverSteps.AsylblgEndConfirmed, trigger => EndOfMonth(trigger, 0)),
            new(HandoverSteps.JobcentreApplication, trigger => EndOfMonth(trigger, 1), IsHardDeadline: true),
            new(HandoverSteps.HealthInsurance, trigger => EndOfMonth(trigger, 1)),
            new(HandoverSteps.IntegrationCourse, trigger => EndOfMonth(trigger, 2)),
        ]);

    /// <summary>The handovers Kim knows. Others (turning 18 in youth welfare, moving district) are added here.</summary>
    public static IReadOnlyList<HandoverTemplate> All { get; } = [AsylblgToSgbII];

    public static HandoverTemplate? Find(LegalDomain from, LegalDomain to) =>
        All.FirstOrDefault(t => t.From == from && t.To == to);

    public HandoverPlan Plan(DateOnly triggerDate) => new(
        Kind,
        From,
        To,
        triggerDate,
        Target(triggerDate),
        HardDeadline(triggerDate),
        [.. Steps.Select(s => new HandoverPlanStep(s.Step, s.Due(triggerDate), s.IsHardDeadline))]);

    /// <summary>The last day of the month <paramref name="months"/> after the one <paramref name="day"/> lies in.</summary>
    public static DateOnly EndOfMonth(DateOnly day, int months)
    {
        var first = new DateOnly(day.Year, day.Month, 1).AddMonths(months);
        return first.AddMonths(1).AddDays(-1);
    }
}
