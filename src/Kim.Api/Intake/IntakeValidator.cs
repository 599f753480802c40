using System.Text.RegularExpressions;
using Kim.Api.Http;

namespace Kim.Api.Intake;

/// <summary>
/// The rules of an intake, on its normalised form: required fields, closed lists, lengths, and the
/// consent rule. Pure: the caller passes the municipalities of the partner's district and today.
/// </summary>
public static partial class IntakeValidator
{
    /// <summary>The problem detail when the consent rule failed, so that the partner learns why.</summary>
    public const string ConsentDetail =
        "Without the client's consent to case processing (consentToCaseProcessing: true) Kim keeps only identity data " +
        "(name, date of birth, languages, phone, e-mail) and the partner's contact. Leave out the listed fields and " +
        "documents, or send the consent.";

    private const string NeedsConsent = "may only be sent with consentToCaseProcessing: true";

    private const string OneNameRequired = "is required unless the other name is given (client.givenName or client.familyName)";

    private static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    /// <summary>Validates; <paramref name="consentFailed"/> says whether the consent rule is among the failures.</summary>
    public static IntakeErrors Validate(
        IntakeRequest intake, IReadOnlyCollection<string> municipalities, DateOnly today, int documentCount, out bool consentFailed)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(municipalities);
        var errors = new IntakeErrors();

        Text(errors, IntakeFields.PartnerReference, intake.PartnerReference, KimLimits.ReferenceLength, required: true);
        if (Text(errors, IntakeFields.Municipality, intake.Municipality, KimLimits.ShortTextLength, required: true)
            && !municipalities.Contains(intake.Municipality!, StringComparer.Ordinal))
        {
            errors.Add(IntakeFields.Municipality, $"must be a municipality of your district: {string.Join(", ", municipalities)}");
        }

        Client(errors, intake.Client, today);
        Needs(errors, intake.Needs);
        OneOf(errors, IntakeFields.Urgency, intake.Urgency, IntakeVocabulary.Urgencies);
        if (intake.PartnerContact is { } contact)
        {
            Text(errors, IntakeFields.PartnerContactName, contact.Name, KimLimits.NameLength, required: false);
            Email(errors, IntakeFields.PartnerContactEmail, contact.Email);
            Phone(errors, IntakeFields.PartnerContactPhone, contact.Phone);
        }

        if (intake.ConsentToIntake == false)
        {
            errors.Add(IntakeFields.ConsentToIntake, "is false: without the client's consent to the intake, send nothing");
        }

        consentFailed = intake.ConsentToCaseProcessing != true && CheckConsent(errors, intake, documentCount);
        return errors;
    }

    /// <summary>Without consent to case processing nothing beyond identity and the partner's contact may come.</summary>
    private static bool CheckConsent(IntakeErrors errors, IntakeRequest intake, int documentCount)
    {
        var refused = new List<string>();
        if (intake.Client is { } client)
        {
            AddIf(client.ResidenceStatus is not null, IntakeFields.ResidenceStatus);
            AddIf(client.LegalDomains is { Count: > 0 }, IntakeFields.LegalDomains);
            AddIf(client.ResidenceDocumentExpires is not null, IntakeFields.ResidenceDocumentExpires);
            AddIf(client.BenefitPeriodEnds is not null, IntakeFields.BenefitPeriodEnds);
        }

        AddIf(intake.Needs?.Text is not null, IntakeFields.NeedsText);
        AddIf(intake.Needs?.LifeDomains is { Count: > 0 }, IntakeFields.LifeDomains);
        AddIf(documentCount > 0, IntakeFields.Documents);
        foreach (var field in refused)
        {
            errors.Add(field, NeedsConsent);
        }

        return refused.Count > 0;

        void AddIf(bool present, string field)
        {
            if (present)
            {
                refused.Add(field);
            }
        }
    }

    private static void Client(IntakeErrors errors, IntakeClient? client, DateOnly today)
    {
        if (client is null)
        {
            errors.Add(IntakeFields.GivenName, OneNameRequired);
            errors.Add(IntakeFields.FamilyName, OneNameRequired);
            errors.Add(IntakeFields.DateOfBirth, "is required");
            return;
        }

        // A person may have one name only (API.md, "Shapes"): either is enough, one is needed.
        if (client.GivenName is null && client.FamilyName is null)
        {
            errors.Add(IntakeFields.GivenName, OneNameRequired);
            errors.Add(IntakeFields.FamilyName, OneNameRequired);
        }

        Text(errors, IntakeFields.GivenName, client.GivenName, KimLimits.NameLength, required: false);
        Text(errors, IntakeFields.FamilyName, client.FamilyName, KimLimits.NameLength, required: false);
        if (client.DateOfBirth is not { } birth)
        {
            errors.Add(IntakeFields.DateOfBirth, "is required");
        }
        else if (birth >= today || birth < EarliestBirth)
        {
            errors.Add(IntakeFields.DateOfBirth, $"must be in the past, after {EarliestBirth:yyyy-MM-dd}");
        }

        List(errors, IntakeFields.Languages, client.Languages);
        if ((client.Languages ?? []).Any(l => l.Length > KimLimits.LanguageCodeLength || !LanguageTag().IsMatch(l)))
        {
            errors.Add(IntakeFields.Languages, "must hold language codes such as 'ar' or 'de-AT' (BCP 47)");
        }

        Phone(errors, IntakeFields.Phone, client.Phone);
        Email(errors, IntakeFields.Email, client.Email);
        OneOf(errors, IntakeFields.ResidenceStatus, client.ResidenceStatus, IntakeVocabulary.ResidenceStatuses);
        AllOf(errors, IntakeFields.LegalDomains, client.LegalDomains, IntakeVocabulary.LegalDomains);
    }

    private static void Needs(IntakeErrors errors, IntakeNeeds? needs)
    {
        if (needs is null)
        {
            return;
        }

        AllOf(errors, IntakeFields.LifeDomains, needs.LifeDomains, IntakeVocabulary.LifeDomains);
        Text(errors, IntakeFields.NeedsText, needs.Text, KimLimits.TextLength, required: false, multiline: true);
    }

    /// <summary>Checks a text; true when it is present and passed.</summary>
    private static bool Text(IntakeErrors errors, string field, string? value, int max, bool required, bool multiline = false)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, "is required");
            }

            return false;
        }

        if (value.Length > max)
        {
            errors.Add(field, $"must be at most {max} characters");
            return false;
        }

        if (value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')))
        {
            errors.Add(field, "must not contain control characters");
            return false;
        }

        return true;
    }

    private static void Email(IntakeErrors errors, string field, string? value)
    {
        if (Text(errors, field, value, KimLimits.EmailLength, required: false) && !EmailAddress().IsMatch(value!))
        {
            errors.Add(field, "must be an e-mail address");
        }
    }

    private static void Phone(IntakeErrors errors, string field, string? value)
    {
        if (Text(errors, field, value, KimLimits.PhoneLength, required: false) && !PhoneNumber().IsMatch(value!))
        {
            errors.Add(field, "must be a phone number of digits, spaces and + ( ) / - .");
        }
    }

    private static void OneOf(IntakeErrors errors, string field, string? value, IReadOnlyList<string> allowed)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            errors.Add(field, "must be one of: " + string.Join(", ", allowed));
        }
    }

    private static void AllOf(IntakeErrors errors, string field, IReadOnlyList<string>? values, IReadOnlyList<string> allowed)
    {
        List(errors, field, values);
        if ((values ?? []).Any(v => !allowed.Contains(v, StringComparer.Ordinal)))
        {
            errors.Add(field, "must hold only: " + string.Join(", ", allowed));
        }
    }

    private static void List(IntakeErrors errors, string field, IReadOnlyList<string>? values)
    {
        if (values is { Count: > KimLimits.ListItems })
        {
            errors.Add(field, $"must have at most {KimLimits.ListItems} items");
        }
    }

    [GeneratedRegex(@"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    // Deliberately loose: the address is checked by mail, not by pattern; this catches typing slips.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"^\+?[0-9 ()/.\-]{3,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();
}
