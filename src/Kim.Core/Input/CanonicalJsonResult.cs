namespace Kim.Core.Input;

/// <summary>
/// The outcome of <see cref="CanonicalJson.Canonicalise"/>: the canonical UTF-8 JSON, or the fault and
/// the API path of the member it was found at (<c>client.givenName</c>, <c>goals[0].text</c>, <c>$</c> for the whole body).
/// </summary>
public sealed record CanonicalJsonResult(byte[]? Json, JsonFault? Fault, string? Path)
{
    public bool IsValid => Json is not null;

    public static CanonicalJsonResult Of(byte[] json) => new(json, null, null);

    public static CanonicalJsonResult Refused(JsonFault fault, string path) => new(null, fault, path);
}
