namespace Kim.Core.Cases;

/// <summary>The person a case is about. Field names are the API's (<c>client.givenName</c> …).</summary>
public sealed record Client
{
    /// <summary>
    /// The JSON names of the basic identity data: all a case may hold before the client has consented
    /// to case processing (DOMAIN.md, Clearing). Everything else needs that consent.
    /// </summary>
    public static IReadOnlySet<string> IdentityFields { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "givenName", "familyName", "dateOfBirth", "languages", "phone", "email" };

    /// <summary>The JSON names of all client fields, for patches.</summary>
    public static IReadOnlySet<string> FieldNames { get; } = new HashSet<string>(IdentityFields, StringComparer.Ordinal)
    {
        "residenceStatus", "legalDomains", "residenceDocumentExpires", "benefitPeriodEnds",
    };

    /// <summary>The given name; absent for a person with a family name only (API.md: a person may have one name).</summary>
    public string? GivenName { get; init; }

    /// <summary>The family name; absent for a person with a given name only.</summary>
    public string? FamilyName { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    /// <summary>Language codes (BCP 47, e.g. <c>ar</c>, <c>de</c>), the client's preferred first.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public ResidenceStatusCategory? ResidenceStatus { get; init; }

    public IReadOnlyList<LegalDomain> LegalDomains { get; init; } = [];

    /// <summary>The day the residence document (permit, Fiktionsbescheinigung, Aufenthaltsgestattung) expires.</summary>
    public DateOnly? ResidenceDocumentExpires { get; init; }

    /// <summary>The last day of the current benefit approval period (Bewilligungszeitraum).</summary>
    public DateOnly? BenefitPeriodEnds { get; init; }

    /// <summary>Replaces lists a JSON <c>null</c> left empty-handed.</summary>
    public Client Normalised() => this with { Languages = Languages ?? [], LegalDomains = LegalDomains ?? [] };

    /// <summary>The same client with only the basic identity data, for a case without consent to case processing.</summary>
    public Client IdentityOnly() => this with
    {
        ResidenceStatus = null,
        LegalDomains = [],
        ResidenceDocumentExpires = null,
        BenefitPeriodEnds = null,
    };

    public IReadOnlyList<FieldError> Validate(string prefix = "client")
    {
        var errors = new List<FieldError>();
        // Many people have one name only; either is enough, one is needed (API.md, "Shapes").
        if (string.IsNullOrWhiteSpace(GivenName) && string.IsNullOrWhiteSpace(FamilyName))
        {
            errors.Add(new FieldError(prefix + ".givenName", "is required unless the family name is given"));
            errors.Add(new FieldError(prefix + ".familyName", "is required unless the given name is given"));
        }

        FieldLimits.CheckText(errors, prefix + ".givenName", GivenName, FieldLimits.NameLength, required: false);
        FieldLimits.CheckText(errors, prefix + ".familyName", FamilyName, FieldLimits.NameLength, required: false);
        FieldLimits.CheckText(errors, prefix + ".phone", Phone, FieldLimits.PhoneLength, required: false);
        FieldLimits.CheckText(errors, prefix + ".email", Email, FieldLimits.EmailLength, required: false);
        if (Email is { Length: > 0 } email && !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(new FieldError(prefix + ".email", "is not an email address"));
        }

        FieldLimits.CheckCount(errors, prefix + ".languages", Languages);
        if ((Languages ?? []).Any(l => string.IsNullOrWhiteSpace(l) || l.Length > FieldLimits.LanguageCodeLength))
        {
            errors.Add(new FieldError(prefix + ".languages", "holds an empty or too long language code"));
        }

        FieldLimits.CheckCount(errors, prefix + ".legalDomains", LegalDomains);
        return errors;
    }
}
