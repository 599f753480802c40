namespace Kim.Core.Mail;

/// <summary>A referral's id, as in <c>GET /api/referrals/{referralId}</c>: the referral instance id, <c>{caseId}:r-1</c>.</summary>
public readonly record struct ReferralId
{
    private readonly string? _value;

    public ReferralId(string value) => _value = MailIdentifier.Validate(value, "referral id", allowColon: true);

    /// <summary>The id; a default (uninitialised) ReferralId has none and throws.</summary>
    public string Value => _value ?? throw new InvalidOperationException("This ReferralId was never set.");

    public override string ToString() => _value ?? string.Empty;
}
