namespace Kim.Api.Partners;

/// <summary>What of a client a referral's consent releases; both null when it releases nothing of them.</summary>
public sealed record SharedData(SharedClient? Client, SharedNeeds? Needs)
{
    public static SharedData Nothing { get; } = new(null, null);
}
