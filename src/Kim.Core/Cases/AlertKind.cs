namespace Kim.Core.Cases;

/// <summary>What a fired timer warns of; the kind is all a notification says about the case.</summary>
public enum AlertKind
{
    FirstContactDue,
    SupportPlanDue,
    PlanReviewDue,
    NoContact,
    ResidenceDocumentExpiring,
    BenefitPeriodExpiring,
    MaximumDuration,
    FollowUpDue,
    PartnerResponseOverdue,
    ClientArrivalCheck,
    HandoverStepDueSoon,
    HandoverStepOverdue,
    HandoverTargetMissed,
    HardDeadlineMissed,
}
