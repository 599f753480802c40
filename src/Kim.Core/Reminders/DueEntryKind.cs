namespace Kim.Core.Reminders;

/// <summary>What a due-index entry is about.</summary>
public enum DueEntryKind
{
    /// <summary>An open follow-up (Wiedervorlage) of the case.</summary>
    FollowUp,

    /// <summary>A referral sent to a partner or service whose answer is awaited.</summary>
    PartnerAnswer,

    /// <summary>An unconfirmed step of an open handover.</summary>
    HandoverStep,
}
