namespace Kim.Core.Workflows;

/// <summary>The timer ids of a case instance.</summary>
public static class CaseTimers
{
    /// <summary>Referred: first contact due (<see cref="TimingOptions.FirstContactDue"/>); cancelled when the case leaves Referred.</summary>
    public const string FirstContact = "first-contact";

    /// <summary>From acceptance: support plan due (<see cref="TimingOptions.SupportPlanDue"/>); cancelled by <c>agree-plan</c>.</summary>
    public const string SupportPlan = "support-plan";

    /// <summary>Monitoring: plan review (<see cref="TimingOptions.PlanReview"/>), re-armed from its due time each time it fires.</summary>
    public const string PlanReview = "plan-review";

    /// <summary>Monitoring: no contact (<see cref="TimingOptions.NoContact"/>); every contact moves it.</summary>
    public const string NoContact = "no-contact";

    /// <summary>From acceptance: the maximum duration (<see cref="TimingOptions.MaximumDuration"/> after acceptance).</summary>
    public const string MaximumDuration = "maximum-duration";

    /// <summary>Prefix of <c>residence-document-expiry:{yyyy-MM-dd}</c>: the warning ahead of the residence document's expiry.</summary>
    public const string ResidenceDocumentExpiryPrefix = "residence-document-expiry:";

    /// <summary>Prefix of <c>benefit-period-expiry:{yyyy-MM-dd}</c>: the warning ahead of the benefit period's end.</summary>
    public const string BenefitPeriodExpiryPrefix = "benefit-period-expiry:";

    /// <summary>Prefix of <c>followup:{followUpId}</c>: a dated follow-up.</summary>
    public const string FollowUpPrefix = "followup:";

    /// <summary>Closed or Declined: deletion when the retention (or declined-deletion) period ends.</summary>
    public const string Purge = "purge";

    public static string FollowUp(string followUpId) => FollowUpPrefix + followUpId;
}
