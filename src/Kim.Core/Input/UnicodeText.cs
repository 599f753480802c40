using System.Text;

namespace Kim.Core.Input;

/// <summary>
/// The one canonical form of text that Kim stores and compares: Unicode NFC (UAX #15), so that
/// <c>Müller</c> typed with a precomposed ü and with <c>u</c> + U+0308 is the same name (API.md, "Shapes").
/// </summary>
public static class UnicodeText
{
    /// <summary>
    /// <paramref name="value"/> in NFC; the same instance when it already is. Throws
    /// <see cref="ArgumentException"/> for text that is not valid UTF-16 (a lone surrogate).
    /// </summary>
    public static string Nfc(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
    }

    /// <summary>As <see cref="Nfc(string)"/>, passing null through.</summary>
    public static string? NfcOrNull(string? value) => value is null ? null : Nfc(value);
}
