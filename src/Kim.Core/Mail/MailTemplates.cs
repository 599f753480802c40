using Kim.Core.Cases;

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
        var left = notice.WorkingDaysLeft <= 0 ? "heute" : "in " + GermanFormat.Count(notice.WorkingDaysLeft, "Arbeitstag", "Arbeitstagen");
        return new MailBody(StaffGreeting)
            .Paragraph($"im Fall {notice.Case} ist der Übergabeschritt „{StepName(notice.Step)}“ {left} fällig, am {date}.")
            .Paragraph("Bitte bestätigen Sie den Schritt in Kim, sobald er erledigt ist, damit beim Rechtskreiswechsel keine Lücke in den Leistungen entsteht.")
            .Link("Zum Fall", Links.Case(notice.Case))
            .ToMessage(to, $"Übergabe im Fall {notice.Case}: Schritt fällig am {date}");
    }

    /// <summary>To the case manager (or every case manager of the municipality): an alert of a case, by kind.</summary>
    public MailMessage CaseAlert(MailAddress to, CaseAlertNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var c = notice.Case;
        var date = GermanFormat.Date(notice.DueDate);
        var referral = notice.Referral is { } r ? r.Value : "";
        var step = notice.Step is { } s ? StepName(s) : "eines Übergabeschritts";
        var (subject, text) = notice.Kind switch
        {
            AlertKind.FirstContactDue => ($"Erstkontakt überfällig im Fall {c}", $"im Fall {c} steht der Erstkontakt noch aus; er war bis zum {date} fällig."),
            AlertKind.SupportPlanDue => ($"Hilfeplan überfällig im Fall {c}", $"im Fall {c} war der Hilfeplan bis zum {date} zu vereinbaren."),
            AlertKind.PlanReviewDue => ($"Überprüfung des Hilfeplans im Fall {c}", $"im Fall {c} ist die Überprüfung des Hilfeplans fällig (seit {date})."),
            AlertKind.NoContact => ($"Kein Kontakt im Fall {c}", $"im Fall {c} ist seit längerer Zeit kein Kontakt verzeichnet; die Frist dafür endete am {date}."),
            AlertKind.ResidenceDocumentExpiring => ($"Aufenthaltsdokument läuft ab im Fall {c}", $"im Fall {c} läuft das Aufenthaltsdokument am {date} ab. Bitte denken Sie rechtzeitig an die Verlängerung."),
            AlertKind.BenefitPeriodExpiring => ($"Leistungszeitraum endet im Fall {c}", $"im Fall {c} endet der Bewilligungszeitraum der Leistungen am {date}. Bitte denken Sie rechtzeitig an den Weiterbewilligungsantrag."),
            AlertKind.MaximumDuration => ($"Höchstdauer erreicht im Fall {c}", $"im Fall {c} ist am {date} die Höchstdauer der Begleitung erreicht. Bitte prüfen Sie den Abschluss oder eine Übergabe."),
            AlertKind.FollowUpDue => ($"Wiedervorlage fällig im Fall {c}", $"im Fall {c} ist eine Wiedervorlage am {date} fällig."),
            AlertKind.PartnerResponseOverdue => ($"Antwort auf die Vermittlung {referral} steht aus (Fall {c})", $"im Fall {c} war die Antwort auf die Vermittlung {referral} bis zum {date} erbeten und liegt noch nicht vor."),
            AlertKind.ClientArrivalCheck => ($"Vermittlung {referral}: Ergebnis prüfen (Fall {c})", $"im Fall {c} wurde die Vermittlung {referral} angenommen. Bitte prüfen Sie (Prüftermin {date}), ob sie zustande kam, und tragen Sie das Ergebnis ein."),
            AlertKind.HandoverStepDueSoon => ($"Übergabe im Fall {c}: Schritt fällig am {date}", $"im Fall {c} ist der Übergabeschritt „{step}“ am {date} fällig."),
            AlertKind.HandoverStepOverdue => ($"Übergabeschritt überfällig im Fall {c}", $"im Fall {c} war der Übergabeschritt „{step}“ bis zum {date} fällig und ist noch nicht bestätigt."),
            AlertKind.HandoverTargetMissed => ($"Zieldatum der Übergabe verstrichen im Fall {c}", $"im Fall {c} ist das Zieldatum der Übergabe verstrichen, ohne dass der Schritt „{step}“ bestätigt wurde. Die harte Frist endet am {date}; ein späterer Antrag lässt eine Lücke in den Leistungen."),
            AlertKind.HardDeadlineMissed => ($"Frist versäumt: Übergabe im Fall {c}", $"im Fall {c} ist die harte Frist der Übergabe am {date} abgelaufen, ohne dass alle Übergabeschritte bestätigt wurden."),
            _ => throw new ArgumentOutOfRangeException(nameof(notice), notice.Kind, "Unknown alert kind."),
        };
        return new MailBody(StaffGreeting)
            .Paragraph(text)
            .Paragraph("Die Einzelheiten finden Sie im Fall in Kim.")
            .Link("Zum Fall", Links.Case(c))
            .ToMessage(to, subject);
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
