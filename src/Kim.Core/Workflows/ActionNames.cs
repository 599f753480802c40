namespace Kim.Core.Workflows;

/// <summary>The names of the actions the workflows run; an action handler is registered under each.</summary>
public static class ActionNames
{
    /// <summary>Mail the case manager about an alert. Input: <see cref="Payloads.CaseManagerNotice"/>.</summary>
    public const string NotifyCaseManager = "notify-case-manager";

    /// <summary>Mail a partner that a referral awaits it. Input: <see cref="Payloads.PartnerNotice"/>.</summary>
    public const string NotifyPartnerReferral = "notify-partner-referral";

    /// <summary>Remind a partner that a referral's answer is overdue. Input: <see cref="Payloads.PartnerNotice"/>.</summary>
    public const string RemindPartner = "remind-partner";

    /// <summary>Tell the coordinators that a handover's hard deadline was missed. Input: <see cref="Payloads.CaseReference"/>.</summary>
    public const string NotifyHardDeadlineMissed = "notify-hard-deadline-missed";

    /// <summary>Delete the case, its children, history and documents. Input: <see cref="Payloads.CaseReference"/>.</summary>
    public const string PurgeCase = "purge-case";
}
