using Kim.Core.Mail;

namespace Kim.Core.Tests.Mail;

public sealed class MailSettingsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Development_without_a_key_uses_the_development_mailbox(string? key)
    {
        var choice = new MailSettings(key, null, null).Choose(isDevelopment: true);

        Assert.Equal(MailSenderKind.DevelopmentMailbox, choice.Kind);
        Assert.Null(choice.SendGrid);
    }

    [Fact]
    public void Outside_Development_a_missing_key_stops_start_up_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidSettingException>(() => new MailSettings(null, "kim@example.org", null).Choose(isDevelopment: false));

        Assert.StartsWith("SendGrid__ApiKey is not set: outside Development Kim cannot send mail", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void With_a_key_SendGrid_is_used_with_the_default_base_url(bool isDevelopment)
    {
        var choice = new MailSettings("SG.secret", "KIM Märkischer Kreis <kim@example.org>", null).Choose(isDevelopment);

        Assert.Equal(MailSenderKind.SendGrid, choice.Kind);
        Assert.Equal("SG.secret", choice.SendGrid!.ApiKey);
        Assert.Equal(new MailAddress("kim@example.org", "KIM Märkischer Kreis"), choice.SendGrid.From);
        Assert.Equal(new Uri("https://api.sendgrid.com"), choice.SendGrid.BaseUrl);
    }

    [Fact]
    public void A_configured_base_url_is_used()
    {
        var choice = new MailSettings("SG.secret", "kim@example.org", "http://127.0.0.1:5000").Choose(isDevelopment: false);

        Assert.Equal(new Uri("http://127.0.0.1:5000"), choice.SendGrid!.BaseUrl);
    }

    [Theory]
    [InlineData(null, null, "SendGrid__From is not set")]
    [InlineData("not an address", null, "SendGrid__From 'not an address' is not an e-mail address")]
    [InlineData("kim@example.org", "ftp://example.org", "SendGrid__BaseUrl 'ftp://example.org' is not an absolute http(s) URL")]
    [InlineData("kim@example.org", "api.sendgrid.com", "SendGrid__BaseUrl 'api.sendgrid.com'")]
    public void Bad_settings_with_a_key_say_which_setting_is_wrong(string? from, string? baseUrl, string expected)
    {
        var error = Assert.Throws<InvalidSettingException>(() => new MailSettings("SG.secret", from, baseUrl).Choose(isDevelopment: false));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_never_print_the_key()
    {
        var settings = new MailSettings("SG.secret", "kim@example.org", null);

        Assert.DoesNotContain("SG.secret", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SG.secret", settings.Choose(false).SendGrid!.ToString(), StringComparison.Ordinal);
    }
}
