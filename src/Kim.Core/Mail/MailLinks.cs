namespace Kim.Core.Mail;

/// <summary>The links in mail, built from <c>Kim__PublicBaseUrl</c> and ids only.</summary>
public sealed class MailLinks
{
    private readonly string _base;

    public MailLinks(Uri publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        if (!publicBaseUrl.IsAbsoluteUri || (publicBaseUrl.Scheme != Uri.UriSchemeHttps && publicBaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"Kim__PublicBaseUrl '{publicBaseUrl}' is not an absolute http(s) URL.", nameof(publicBaseUrl));
        }

        PublicBaseUrl = publicBaseUrl;
        _base = publicBaseUrl.AbsoluteUri.TrimEnd('/');
    }

    public Uri PublicBaseUrl { get; }

    /// <summary><c>GET /api/cases/{caseId}</c>.</summary>
    public Uri Case(CaseReference reference) => new(_base + "/api/cases/" + Uri.EscapeDataString(reference.Value));

    /// <summary><c>GET /api/referrals/{referralId}</c>, the partner's view of a referral.</summary>
    public Uri Referral(ReferralId referral) => new(_base + "/api/referrals/" + Uri.EscapeDataString(referral.Value));
}
