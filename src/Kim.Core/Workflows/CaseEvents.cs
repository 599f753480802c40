namespace Kim.Core.Workflows;

/// <summary>The names of the events a case accepts (<c>EventRaised.Name</c>); the transitions are the API's.</summary>
public static class CaseEvents
{
    public const string StartClearing = "start-clearing";
    public const string Accept = "accept";
    public const string Decline = "decline";
    public const string CompleteAssessment = "complete-assessment";
    public const string AgreePlan = "agree-plan";
    public const string Close = "close";
    public const string Reopen = "reopen";
    public const string Assign = "assign";
    public const string UpdateClient = "update-client";
    public const string UpdateNeeds = "update-needs";
    public const string RecordContact = "record-contact";
    public const string RecordBarrier = "record-barrier";
    public const string RecordConsent = "record-consent";
    public const string WithdrawConsent = "withdraw-consent";
    public const string CreateReferral = "create-referral";
    public const string StartHandover = "start-handover";
    public const string AddFollowUp = "add-follow-up";
    public const string CompleteFollowUp = "complete-follow-up";
    public const string SetLegalHold = "set-legal-hold";

    /// <summary>
    /// Deletion of an ended case on request (Art. 17 GDPR), at once instead of after its retention
    /// period: refused while the case is open or under a legal hold (DOMAIN.md, "Data protection").
    /// </summary>
    public const string Erase = "erase";

    /// <summary>Raised by a referral instance on its case.</summary>
    public const string ReferralUpdated = "referral-updated";

    /// <summary>Raised by a handover instance on its case.</summary>
    public const string HandoverUpdated = "handover-updated";

    /// <summary>The transitions of <c>POST /api/cases/{caseId}/transitions/{transition}</c>.</summary>
    public static IReadOnlyList<string> Transitions { get; } =
        [StartClearing, Accept, Decline, CompleteAssessment, AgreePlan, Close, Reopen];
}
