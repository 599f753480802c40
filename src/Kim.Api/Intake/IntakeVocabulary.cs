namespace Kim.Api.Intake;

/// <summary>
/// The closed lists of intake values. Values are matched without regard to case (and, for legal
/// domains, spacing) and stored in the canonical spelling listed here.
/// </summary>
public static class IntakeVocabulary
{
    public const string NormalUrgency = "normal";

    public static IReadOnlyList<string> ResidenceStatuses { get; } =
    [
        "asylum-seeker", "recognised-refugee", "subsidiary-protection", "temporary-protection",
        "tolerated", "residence-permit", "eu-citizen", "other",
    ];

    public static IReadOnlyList<string> LegalDomains { get; } =
        ["AsylbLG", "SGB II", "SGB III", "SGB VIII", "SGB XII", "AufenthG"];

    /// <summary>The assessment's life domains (DOMAIN.md); <c>work</c> stands for work and recognition.</summary>
    public static IReadOnlyList<string> LifeDomains { get; } =
        ["residence", "language", "work", "housing", "health", "school-and-childcare", "family", "benefits"];

    public static IReadOnlyList<string> Urgencies { get; } = [NormalUrgency, "urgent"];

    /// <summary>Other names partners use for a life domain: the long name of <c>work</c>.</summary>
    private static readonly Dictionary<string, string> LifeDomainAliases =
        new(StringComparer.OrdinalIgnoreCase) { ["work-and-recognition"] = "work" };

    public static string CanonicalResidenceStatus(string value) => Canonical(ResidenceStatuses, value);

    public static string CanonicalUrgency(string value) => Canonical(Urgencies, value);

    public static string CanonicalLifeDomain(string value) =>
        LifeDomainAliases.TryGetValue(value, out var canonical) ? canonical : Canonical(LifeDomains, value);

    /// <summary>"sgb ii", "SGBII" and "SGB II" are all <c>SGB II</c>.</summary>
    public static string CanonicalLegalDomain(string value)
    {
        var squeezed = value.Replace(" ", string.Empty, StringComparison.Ordinal);
        return LegalDomains.FirstOrDefault(
            d => string.Equals(d.Replace(" ", string.Empty, StringComparison.Ordinal), squeezed, StringComparison.OrdinalIgnoreCase))
            ?? value;
    }

    private static string Canonical(IReadOnlyList<string> list, string value) =>
        list.FirstOrDefault(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase)) ?? value;
}
