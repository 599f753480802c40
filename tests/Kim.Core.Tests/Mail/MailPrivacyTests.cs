using System.Reflection;
using Kim.Core.Cases;
using Kim.Core.Mail;

namespace Kim.Core.Tests.Mail;

/// <summary>No client name, birth date or case content in any mail: by construction, and proven.</summary>
public sealed class MailPrivacyTests
{
    /// <summary>A test-only case with everything a mail must never show.</summary>
    private sealed record SensitiveCase(string CaseId, string Municipality, string ClientName, DateOnly DateOfBirth, string Needs, string ReferralId);

    private static readonly SensitiveCase Amira = new(
        "mk-luedenscheid-2026-00042", "luedenscheid", "Amira Haddad", new DateOnly(1990, 4, 12),
        "Traumatherapie, Deutschkurs B1, Wohnungssuche", "ref-00042-1");

    private static readonly string[] Forbidden = ["Amira", "Haddad", "12.04.1990", "1990-04-12", "Traumatherapie", "Deutschkurs", "Wohnungssuche"];

    [Fact]
    public void No_template_path_carries_the_clients_name_birth_date_or_needs()
    {
        var links = new MailLinks(new Uri("https://kim.example.org"));
        var templates = new MailTemplates(links);
        var composer = new DigestComposer(links);
        var to = new MailAddress("cm-luedenscheid@example.org");
        var reference = new CaseReference(Amira.CaseId);
        var due = new DateOnly(2026, 11, 27);

        // The only fields the template inputs have are references, dates and counts: that is all that can be passed on.
        MailMessage?[] mails =
        [
            templates.HandoverStepDue(to, new HandoverStepDueNotice(reference, new HandoverStepId("jobcentre-application"), due, 2)),
            templates.HardDeadlineMissed(to, new HardDeadlineMissedNotice(reference, new MunicipalityId(Amira.Municipality), due)),
            templates.PartnerAnswerOverdue(to, new PartnerAnswerReminder(new ReferralId(Amira.ReferralId), due)),
            templates.NewReferral(to, new ReferralAnnouncement(new ReferralId(Amira.ReferralId), due)),
            templates.NewReferral(to, new ReferralAnnouncement(new ReferralId(Amira.ReferralId), null)),
            composer.Compose(to, due, Enum.GetValues<DueItemKind>().Select(k => new DueItem(reference, k, due))),
            .. Enum.GetValues<AlertKind>().Select(kind => templates.CaseAlert(
                to, new CaseAlertNotice(reference, kind, due, new ReferralId(Amira.CaseId + ":r-1"), new HandoverStepId("jobcentre-application")))),
        ];

        Assert.All(mails, mail =>
        {
            Assert.NotNull(mail);
            foreach (var forbidden in Forbidden)
            {
                Assert.DoesNotContain(forbidden, mail.Subject, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(forbidden, mail.Text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(forbidden, mail.Html, StringComparison.OrdinalIgnoreCase);
            }
        });
    }

    [Theory]
    [InlineData("Amira Haddad")]
    [InlineData("Haddad, Amira")]
    [InlineData("")]
    [InlineData("<script>")]
    public void A_name_or_markup_is_not_a_reference(string value)
    {
        Assert.Throws<ArgumentException>(() => new CaseReference(value));
        Assert.Throws<ArgumentException>(() => new ReferralId(value));
        Assert.Throws<ArgumentException>(() => new MunicipalityId(value));
        Assert.Throws<ArgumentException>(() => new HandoverStepId(value));
    }

    [Fact]
    public void Template_inputs_have_no_field_that_could_hold_free_text()
    {
        Type[] inputs = [typeof(DueItem), typeof(HandoverStepDueNotice), typeof(HardDeadlineMissedNotice), typeof(PartnerAnswerReminder), typeof(ReferralAnnouncement), typeof(CaseAlertNotice)];
        Type[] allowed = [typeof(CaseReference), typeof(ReferralId), typeof(MunicipalityId), typeof(HandoverStepId), typeof(DateOnly), typeof(DateOnly?), typeof(int), typeof(DueItemKind),
            typeof(AlertKind), typeof(ReferralId?), typeof(HandoverStepId?)];

        foreach (var input in inputs)
        {
            foreach (var property in input.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
            {
                Assert.True(allowed.Contains(property.PropertyType), $"{input.Name}.{property.Name} is a {property.PropertyType.Name}: template inputs take references, dates and counts only.");
            }
        }
    }
}
