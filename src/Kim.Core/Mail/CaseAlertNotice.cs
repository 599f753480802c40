using Kim.Core.Cases;

namespace Kim.Core.Mail;

/// <summary>
/// An alert of a case for its case manager (first contact due, follow-up due, document expiring …):
/// the case reference, the kind, the day, and for referral and handover alerts the referral or step id.
/// </summary>
public sealed record CaseAlertNotice(
    CaseReference Case,
    AlertKind Kind,
    DateOnly DueDate,
    ReferralId? Referral = null,
    HandoverStepId? Step = null);
