using Kim.Core.Cases;
using Kim.Core.Mail;

namespace Kim.Core.Tests.Mail;

public sealed class MailTemplatesTests
{
    private static readonly MailAddress CaseManager = new("cm-luedenscheid@example.org");
    private static readonly MailAddress Partner = new("vermittlung@caritas.example.org");
    private static readonly MailTemplates Templates = new(new MailLinks(new Uri("https://kim.example.org/")));

    [Fact]
    public void Handover_step_due_is_German_names_the_step_and_links_the_case()
    {
        var mail = Templates.HandoverStepDue(CaseManager, new HandoverStepDueNotice(
            new CaseReference("case-0042"), new HandoverStepId("jobcentre-application"), new DateOnly(2026, 11, 27), 3));

        Assert.Equal("Übergabe im Fall case-0042: Schritt fällig am 27.11.2026", mail.Subject);
        Assert.Contains("Übergabeschritt „Antrag beim Jobcenter (SGB II)“ in 3 Arbeitstagen fällig, am 27.11.2026", mail.Text, StringComparison.Ordinal);
        Assert.Contains("https://kim.example.org/api/cases/case-0042", mail.Text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://kim.example.org/api/cases/case-0042\">", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Übergabeschritt", mail.Html, StringComparison.Ordinal);
        Assert.Equal(CaseManager, mail.To);
    }

    [Theory]
    [InlineData(0, "heute fällig")]
    [InlineData(1, "in 1 Arbeitstag fällig")]
    [InlineData(2, "in 2 Arbeitstagen fällig")]
    public void Handover_step_due_agrees_with_the_working_days_left(int left, string expected)
    {
        var mail = Templates.HandoverStepDue(CaseManager, new HandoverStepDueNotice(
            new CaseReference("case-0042"), new HandoverStepId("jobcentre-application"), new DateOnly(2026, 11, 27), left));

        Assert.Contains("(SGB II)“ " + expected + ", am 27.11.2026", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hard_deadline_missed_says_case_reference_and_municipality_only()
    {
        var mail = Templates.HardDeadlineMissed(new MailAddress("coord-mk@example.org"), new HardDeadlineMissedNotice(
            new CaseReference("case-0042"), new MunicipalityId("luedenscheid"), new DateOnly(2026, 12, 31)));

        Assert.Equal("Frist versäumt: Übergabe im Fall case-0042 (luedenscheid)", mail.Subject);
        Assert.Contains("harte Frist der Übergabe am 31.12.2026 abgelaufen", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("http", mail.Text, StringComparison.Ordinal); // coordinators have no case routes
    }

    [Fact]
    public void A_case_alert_says_what_is_due_in_German_and_links_the_case()
    {
        var mail = Templates.CaseAlert(CaseManager, new CaseAlertNotice(new CaseReference("case-0042"), AlertKind.FollowUpDue, new DateOnly(2026, 11, 27)));

        Assert.Equal("Wiedervorlage fällig im Fall case-0042", mail.Subject);
        Assert.Contains("im Fall case-0042 ist eine Wiedervorlage am 27.11.2026 fällig.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("https://kim.example.org/api/cases/case-0042", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_referral_id_may_name_its_case_with_a_colon_and_the_link_escapes_it()
    {
        var mail = Templates.PartnerAnswerOverdue(Partner, new PartnerAnswerReminder(new ReferralId("c-4f7k2:r-1"), new DateOnly(2026, 11, 20)));

        Assert.Contains("Vermittlung c-4f7k2:r-1", mail.Text, StringComparison.Ordinal);
        Assert.Contains("https://kim.example.org/api/referrals/c-4f7k2%3Ar-1", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Partner_reminder_links_the_referral_route()
    {
        var mail = Templates.PartnerAnswerOverdue(Partner, new PartnerAnswerReminder(new ReferralId("ref-7"), new DateOnly(2026, 11, 20)));

        Assert.Equal("Erinnerung: Ihre Antwort auf die Vermittlung ref-7 steht aus", mail.Subject);
        Assert.Contains("Sehr geehrte Damen und Herren,", mail.Text, StringComparison.Ordinal);
        Assert.Contains("bis zum 20.11.2026 erbeten", mail.Text, StringComparison.Ordinal);
        Assert.Contains("https://kim.example.org/api/referrals/ref-7", mail.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://kim.example.org/api/referrals/ref-7\"", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void New_referral_announcement_links_the_referral_and_names_the_answer_date_when_set()
    {
        var withDate = Templates.NewReferral(Partner, new ReferralAnnouncement(new ReferralId("ref-8"), new DateOnly(2026, 11, 30)));
        var without = Templates.NewReferral(Partner, new ReferralAnnouncement(new ReferralId("ref-9"), null));

        Assert.Equal("Neue Vermittlung ref-8 an Ihre Organisation", withDate.Subject);
        Assert.Contains("Bitte antworten Sie bis zum 30.11.2026", withDate.Text, StringComparison.Ordinal);
        Assert.Contains("https://kim.example.org/api/referrals/ref-8", withDate.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("bis zum", without.Text, StringComparison.Ordinal);
        Assert.Contains("https://kim.example.org/api/referrals/ref-9", without.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_follow_the_public_base_url_including_a_path()
    {
        var templates = new MailTemplates(new MailLinks(new Uri("http://127.0.0.1:7071/kim")));

        var mail = templates.PartnerAnswerOverdue(Partner, new PartnerAnswerReminder(new ReferralId("ref-7"), new DateOnly(2026, 11, 20)));

        Assert.Contains("http://127.0.0.1:7071/kim/api/referrals/ref-7", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_escapes_every_value_including_links()
    {
        var templates = new MailTemplates(new MailLinks(new Uri("https://kim.example.org/a&b'c/")));

        var mail = templates.HandoverStepDue(CaseManager, new HandoverStepDueNotice(
            new CaseReference("case-1"), new HandoverStepId("health-insurance"), new DateOnly(2026, 11, 27), 1));

        Assert.Contains("https://kim.example.org/a&b'c/api/cases/case-1", mail.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://kim.example.org/a&amp;b&#39;c/api/cases/case-1\"", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("a&b", mail.Html, StringComparison.Ordinal);
        Assert.Equal("&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;", HtmlText.Escape("<b> & \"x\" 'y'"));
    }

    [Fact]
    public void Html_is_a_German_utf8_document_and_text_ends_with_the_privacy_footer()
    {
        var mail = Templates.HardDeadlineMissed(CaseManager, new HardDeadlineMissedNotice(
            new CaseReference("case-1"), new MunicipalityId("iserlohn"), new DateOnly(2026, 12, 31)));

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"de\">\n<head><meta charset=\"utf-8\">", mail.Html, StringComparison.Ordinal);
        Assert.Contains("keine Namen und keine Fallinhalte", mail.Text, StringComparison.Ordinal);
        Assert.Contains("keine Namen und keine Fallinhalte", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_step_ids_are_quoted_as_they_are()
    {
        Assert.Equal("„youth-welfare-end“", MailTemplates.StepName(new HandoverStepId("youth-welfare-end")));
    }
}
