namespace Kim.Core.Mail;

/// <summary>Why a case appears in a digest; the digest lists the kinds in this order.</summary>
public enum DueItemKind
{
    FollowUpOverdue,
    FollowUpDue,
    PartnerAnswerOverdue,
    HandoverStepDue,
}
