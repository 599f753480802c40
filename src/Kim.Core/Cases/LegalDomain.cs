using System.Text.Json.Serialization;

namespace Kim.Core.Cases;

/// <summary>
/// A <i>Rechtskreis</i>: the body of law a client's benefits and services come from. JSON uses the
/// names people write (<c>"AsylbLG"</c>, <c>"SGB II"</c>); <see cref="LegalDomains.TryParse"/> also
/// accepts spellings like <c>sgb-2</c> for forms.
/// </summary>
public enum LegalDomain
{
    [JsonStringEnumMemberName("AsylbLG")]
    AsylbLG,

    [JsonStringEnumMemberName("SGB II")]
    SgbII,

    [JsonStringEnumMemberName("SGB III")]
    SgbIII,

    [JsonStringEnumMemberName("SGB VIII")]
    SgbVIII,

    [JsonStringEnumMemberName("SGB XII")]
    SgbXII,

    [JsonStringEnumMemberName("AufenthG")]
    AufenthG,
}
