namespace Kim.Api.Intake;

/// <summary>
/// Puts an intake into its one canonical form before validation and fingerprinting: texts
/// trimmed, empty texts and objects absent, closed-list values in their canonical spelling,
/// set-like lists deduplicated and sorted, urgency and consent defaulted. Two posts that mean
/// the same intake then look the same, whatever their content type.
/// </summary>
public static class IntakeNormaliser
{
    public static IntakeRequest Normalise(IntakeRequest intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        return intake with
        {
            PartnerReference = Text(intake.PartnerReference),
            Municipality = Text(intake.Municipality)?.ToLowerInvariant(),
            Client = Client(intake.Client),
            Needs = Needs(intake.Needs),
            Urgency = Text(intake.Urgency) is { } urgency ? IntakeVocabulary.CanonicalUrgency(urgency) : IntakeVocabulary.NormalUrgency,
            PartnerContact = PartnerContact(intake.PartnerContact),
            ConsentToCaseProcessing = intake.ConsentToCaseProcessing ?? false,
        };
    }

    private static IntakeClient? Client(IntakeClient? client)
    {
        if (client is null)
        {
            return null;
        }

        var normal = client with
        {
            GivenName = Text(client.GivenName),
            FamilyName = Text(client.FamilyName),
            // Order kept: the first language is the client's preferred one.
            Languages = [.. Texts(client.Languages).Distinct(StringComparer.OrdinalIgnoreCase)],
            Phone = Text(client.Phone),
            Email = Text(client.Email),
            ResidenceStatus = Text(client.ResidenceStatus) is { } status ? IntakeVocabulary.CanonicalResidenceStatus(status) : null,
            LegalDomains = Set(client.LegalDomains, IntakeVocabulary.CanonicalLegalDomain),
        };
        return normal;
    }

    private static IntakeNeeds? Needs(IntakeNeeds? needs)
    {
        if (needs is null)
        {
            return null;
        }

        var normal = new IntakeNeeds
        {
            LifeDomains = Set(needs.LifeDomains, IntakeVocabulary.CanonicalLifeDomain),
            Text = Text(needs.Text),
        };
        return normal.LifeDomains!.Count == 0 && normal.Text is null ? null : normal;
    }

    private static IntakePartnerContact? PartnerContact(IntakePartnerContact? contact)
    {
        if (contact is null)
        {
            return null;
        }

        var normal = new IntakePartnerContact { Name = Text(contact.Name), Email = Text(contact.Email), Phone = Text(contact.Phone) };
        return normal is { Name: null, Email: null, Phone: null } ? null : normal;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IEnumerable<string> Texts(IReadOnlyList<string>? values) =>
        (values ?? []).Select(Text).OfType<string>();

    private static List<string> Set(IReadOnlyList<string>? values, Func<string, string> canonical) =>
        [.. Texts(values).Select(canonical).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
