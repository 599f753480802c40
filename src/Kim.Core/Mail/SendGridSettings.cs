namespace Kim.Core.Mail;

/// <summary>What the SendGrid client needs: a validated API key, sender and base URL (see <see cref="MailSettings"/>).</summary>
public sealed record SendGridSettings
{
    public static readonly Uri DefaultBaseUrl = new("https://api.sendgrid.com");

    public SendGridSettings(string apiKey, MailAddress from, Uri? baseUrl = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        ArgumentNullException.ThrowIfNull(from);
        baseUrl ??= DefaultBaseUrl;
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"'{baseUrl}' is not an absolute http(s) URL.", nameof(baseUrl));
        }

        ApiKey = apiKey.Trim();
        From = from;
        BaseUrl = baseUrl;
    }

    public string ApiKey { get; }

    public MailAddress From { get; }

    public Uri BaseUrl { get; }

    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"SendGrid {BaseUrl} from {From}";
}
