namespace Kim.Core.Mail;

/// <summary>The ledger's answer to "may I send this one?".</summary>
public enum MailClaimResult
{
    /// <summary>The caller holds the claim and sends now.</summary>
    Claimed,

    /// <summary>The mail was sent before: do nothing.</summary>
    AlreadySent,

    /// <summary>Another run holds a claim that may not (or not yet) be taken over: do nothing.</summary>
    ClaimedElsewhere,
}
