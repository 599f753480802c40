namespace Kim.Core.Mail;

/// <summary>
/// The mail settings as configured (<c>SendGrid__ApiKey</c>, <c>SendGrid__From</c>,
/// <c>SendGrid__BaseUrl</c>) and the start-up rule: with an API key, SendGrid; without one, the
/// development mailbox in Development and a clear start-up error everywhere else.
/// </summary>
public sealed record MailSettings(string? ApiKey, string? From, string? BaseUrl)
{
    /// <summary>Throws <see cref="InvalidSettingException"/> with a message that names the setting and says what to set.</summary>
    public MailSenderChoice Choose(bool isDevelopment)
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            if (isDevelopment)
            {
                return new MailSenderChoice(MailSenderKind.DevelopmentMailbox, null);
            }

            throw new InvalidSettingException(
                "SendGrid:ApiKey",
                "is not set: outside Development Kim cannot send mail (reminders, deadline notices, "
                + "referral announcements) and does not start. Set SendGrid__ApiKey to a SendGrid API key with the "
                + "Mail Send permission and SendGrid__From to a verified sender. Only with ASPNETCORE_ENVIRONMENT="
                + "Development does Kim keep mail in the development mailbox instead.");
        }

        if (string.IsNullOrWhiteSpace(From))
        {
            throw new InvalidSettingException(
                "SendGrid:From",
                "is not set: SendGrid needs a verified sender address, e.g. 'kim@example.org' or "
                + "'KIM Märkischer Kreis <kim@example.org>'.");
        }

        MailAddress from;
        try
        {
            from = MailAddress.Parse(From);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidSettingException("SendGrid:From", $"'{From}' is not an e-mail address.", exception);
        }

        var baseUrl = SendGridSettings.DefaultBaseUrl;
        if (!string.IsNullOrWhiteSpace(BaseUrl)
            && (!Uri.TryCreate(BaseUrl.Trim(), UriKind.Absolute, out baseUrl!) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)))
        {
            throw new InvalidSettingException("SendGrid:BaseUrl", $"'{BaseUrl}' is not an absolute http(s) URL; leave it unset for {SendGridSettings.DefaultBaseUrl}.");
        }

        return new MailSenderChoice(MailSenderKind.SendGrid, new SendGridSettings(ApiKey, from, baseUrl));
    }

    /// <summary>Never prints the key.</summary>
    public override string ToString() =>
        $"MailSettings {{ ApiKey = {(string.IsNullOrWhiteSpace(ApiKey) ? "(not set)" : "(set)")}, From = {From}, BaseUrl = {BaseUrl} }}";
}
