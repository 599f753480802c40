namespace Kim.Core.Workflows;

/// <summary>The timer ids of a referral instance.</summary>
public static class ReferralTimers
{
    /// <summary>Sent: the partner's answer is due (<c>respondBy</c>); an answer cancels it.</summary>
    public const string PartnerResponse = "partner-response";

    /// <summary>Accepted: check whether the client arrived (<see cref="TimingOptions.ClientArrivalCheck"/>); an outcome cancels it.</summary>
    public const string ClientArrival = "client-arrival";
}
