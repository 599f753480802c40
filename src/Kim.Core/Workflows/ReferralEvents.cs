namespace Kim.Core.Workflows;

/// <summary>The names of the events a referral accepts.</summary>
public static class ReferralEvents
{
    /// <summary><c>{ "decision": "accepted" | "rejected", "reason"? }</c>, by the partner or on its behalf.</summary>
    public const string Respond = "respond";

    /// <summary><c>{ "reason"? }</c>: the case manager (or the case, on consent withdrawal or closure) ends it.</summary>
    public const string Withdraw = "withdraw";

    /// <summary><c>{ "successful", "reason"?, "note"? }</c>: an accepted referral is done.</summary>
    public const string Outcome = "outcome";
}
