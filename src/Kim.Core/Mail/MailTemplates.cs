using System.Globalization;

namespace Kim.Core.Mail;

/// <summary>
/// The German deadline notices, each as plain text and HTML. Inputs are types without any room for
/// names or case content (<see cref="CaseReference"/>, ids, dates, counts); links come from
/// <see cref="MailLinks"/>. The digest is <see cref="DigestComposer"/>.
/// </summary>
public sealed class MailTemplates(MailLinks links)
{
    private const string StaffGreeting = "Guten Tag,";
    private const string PartnerGreeting = "Sehr geehrte Damen und Herren,";

    public MailLinks Links { get; } = links ?? throw new ArgumentNullException(nameof(links));

    /// <summary>The German name of a handover step; unknown ids are quoted as they are.</summary>
    public static string StepName(HandoverStepId step) => step.Value switch
    {
        "residence-document" => "Aufenthaltserlaubnis oder Fiktionsbescheinigung (Ausländerbehörde)",
        "asylblg-end-confirmed" => "Bestätigung des Sozialamts über das Ende der AsylbLG-Leistungen",
        "jobcentre-application" => "Antrag beim Jobcenter (SGB II)",
        "health-insurance" => "Anmeldung bei der Krankenversicherung",
        "integration-course" => "Antrag auf einen Integrationskurs",
        _ => "„" + step.Value + "“",
    };

    /// <summary>To the case manager: a handover step is due within 3 working days.</summary>
    public MailMessage HandoverStepDue(MailAddress to, HandoverStepDueNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var date = GermanFormat.Date(notice.DueDate);
        var left = notice.WorkingDaysLeft switch
        {
            <= 0 => "heute",
            1 => "in 1 Arbeitstag",
            var n => "in " + n.ToString(CultureInfo.InvariantCulture) + " Arbeitstagen",
        };
        return new MailBody(StaffGreeting)
            .Paragraph($"im Fall {notice.Case} ist der Übergabeschritt „{StepName(notice.Step)}“ {left} fällig, am {date}.")
            .Paragraph("Bitte bestätigen Sie den Schritt in Kim, sobald er erledigt ist, damit beim Rechtskreiswechsel keine Lücke in den Leistungen entsteht.")
            .Link("Zum Fall", Links.Case(notice.Case))
            .ToMessage(to, $"Übergabe im Fall {notice.Case}: Schritt fällig am {date}");
    }

    /// <summary>To the case manager and each coordinator of the district: a hard deadline passed with steps unconfirmed.</summary>
    public MailMessage HardDeadlineMissed(MailAddress to, HardDeadlineMissedNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var date = GermanFormat.Date(notice.HardDeadline);
        return new MailBody(StaffGreeting)
            .Paragraph($"im Fall {notice.Case} (Kommune {notice.Municipality}) ist die harte Frist der Übergabe am {date} abgelaufen, ohne dass alle Übergabeschritte bestätigt wurden.")
            .Paragraph("Es droht eine Lücke in den Leistungen. Bitte klären Sie umgehend mit der zuständigen Fallmanagerin oder dem zuständigen Fallmanager, was noch fehlt.")
            .ToMessage(to, $"Frist versäumt: Übergabe im Fall {notice.Case} ({notice.Municipality})");
    }

    /// <summary>To a partner: its answer to a referral is overdue.</summary>
    public MailMessage PartnerAnswerOverdue(MailAddress to, PartnerAnswerReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var date = GermanFormat.Date(reminder.RespondBy);
        return new MailBody(PartnerGreeting)
            .Paragraph($"Ihre Antwort auf die Vermittlung {reminder.Referral} war bis zum {date} erbeten und liegt uns noch nicht vor.")
            .Paragraph("Bitte teilen Sie uns mit, ob Sie die Vermittlung annehmen oder ablehnen. Die Vermittlung rufen Sie mit dem API-Schlüssel Ihrer Organisation ab:")
            .Link("Vermittlung abrufen", Links.Referral(reminder.Referral))
            .ToMessage(to, $"Erinnerung: Ihre Antwort auf die Vermittlung {reminder.Referral} steht aus");
    }

    /// <summary>To a partner: a new referral was sent to it.</summary>
    public MailMessage NewReferral(MailAddress to, ReferralAnnouncement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        var body = new MailBody(PartnerGreeting)
            .Paragraph($"über das Kommunale Integrationsmanagement wurde Ihrer Organisation die Vermittlung {announcement.Referral} übermittelt.");
        if (announcement.RespondBy is { } respondBy)
        {
            body.Paragraph($"Bitte antworten Sie bis zum {GermanFormat.Date(respondBy)}, ob Sie die Vermittlung annehmen oder ablehnen.");
        }
        else
        {
            body.Paragraph("Bitte antworten Sie, ob Sie die Vermittlung annehmen oder ablehnen.");
        }

        return body
            .Paragraph("Die Vermittlung rufen Sie mit dem API-Schlüssel Ihrer Organisation ab:")
            .Link("Vermittlung abrufen", Links.Referral(announcement.Referral))
            .ToMessage(to, $"Neue Vermittlung {announcement.Referral} an Ihre Organisation");
    }
}
