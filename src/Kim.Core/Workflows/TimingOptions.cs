namespace Kim.Core.Workflows;

/// <summary>
/// Every interval of the workflows, with the defaults of DOMAIN.md. Each is a setting
/// (<c>Kim__Timing__{Name}</c>, overridable per district and municipality; see <see cref="TimingSettings"/>
/// and docs/timing.md). Workflows read these when they set a timer, so a changed value applies to
/// timers set after the change.
/// </summary>
public sealed record TimingOptions
{
    public static TimingOptions Defaults { get; } = new();

    /// <summary>From the arrival of an intake (Referred) to the first contact.</summary>
    public Interval FirstContactDue { get; init; } = Interval.WorkingDays(10);

    /// <summary>From acceptance (Assessment) to the agreed support plan.</summary>
    public Interval SupportPlanDue { get; init; } = Interval.Weeks(6);

    /// <summary>How often the plan is reviewed in Monitoring (recurring from the agreement).</summary>
    public Interval PlanReview { get; init; } = Interval.Months(3);

    /// <summary>Silence in Monitoring after which the case manager is alerted; every contact restarts it.</summary>
    public Interval NoContact { get; init; } = Interval.Weeks(6);

    /// <summary>How far ahead of the residence document's expiry the case manager is warned.</summary>
    public Interval ResidenceDocumentWarning { get; init; } = Interval.Weeks(8);

    /// <summary>How far ahead of the end of the benefit period the case manager is warned.</summary>
    public Interval BenefitPeriodWarning { get; init; } = Interval.Weeks(8);

    /// <summary>From acceptance to the maximum-duration alert.</summary>
    public Interval MaximumDuration { get; init; } = Interval.Months(36);

    /// <summary>How long a partner has to answer a referral when the case manager sets no date.</summary>
    public Interval PartnerResponse { get; init; } = Interval.Days(14);

    /// <summary>From a partner's acceptance to the check whether the client actually arrived.</summary>
    public Interval ClientArrivalCheck { get; init; } = Interval.Days(14);

    /// <summary>How long before a handover step's deadline the notice goes out.</summary>
    public Interval HandoverNotice { get; init; } = Interval.WorkingDays(3);

    /// <summary>From Declined to the deletion of the case (only anonymous figures stay).</summary>
    public Interval DeclinedDeletion { get; init; } = Interval.Days(30);

    /// <summary>From Closed to the deletion of the case; a reopen is possible until then.</summary>
    public Interval Retention { get; init; } = Interval.Years(3);
}
