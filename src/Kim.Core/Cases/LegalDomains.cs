namespace Kim.Core.Cases;

/// <summary>Names of <see cref="LegalDomain"/> values and a forgiving parser for form input.</summary>
public static class LegalDomains
{
    public static string ToName(this LegalDomain domain) => domain switch
    {
        LegalDomain.AsylbLG => "AsylbLG",
        LegalDomain.SgbII => "SGB II",
        LegalDomain.SgbIII => "SGB III",
        LegalDomain.SgbVIII => "SGB VIII",
        LegalDomain.SgbXII => "SGB XII",
        LegalDomain.AufenthG => "AufenthG",
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, null),
    };

    /// <summary>Accepts the JSON name in any case and without separators, and SGB books in arabic numerals (<c>SGB-2</c>).</summary>
    public static bool TryParse(string? text, out LegalDomain domain)
    {
        domain = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var key = new string([.. text.Where(char.IsLetterOrDigit)]).ToUpperInvariant();
        LegalDomain? found = key switch
        {
            "ASYLBLG" => LegalDomain.AsylbLG,
            "SGBII" or "SGB2" => LegalDomain.SgbII,
            "SGBIII" or "SGB3" => LegalDomain.SgbIII,
            "SGBVIII" or "SGB8" => LegalDomain.SgbVIII,
            "SGBXII" or "SGB12" => LegalDomain.SgbXII,
            "AUFENTHG" => LegalDomain.AufenthG,
            _ => null,
        };
        domain = found.GetValueOrDefault();
        return found is not null;
    }
}
