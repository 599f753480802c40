using Kim.Core.Cases;

namespace Kim.Api.Http;

/// <summary>
/// Size and length limits of the API, in one place; docs/limits.md explains them. Field lengths
/// match the domain's field limits, because the workflows check them again and an intake accepted
/// here must not fail there.
/// </summary>
public static class KimLimits
{
    /// <summary>A JSON (or URL-encoded) request body: far above any real intake or command.</summary>
    public const long JsonBodyBytes = 256 * 1024;

    /// <summary>What the non-file parts of a multipart intake may add up to, on top of the files.</summary>
    public const long FormFieldsBytes = 1024 * 1024;

    /// <summary>Form fields (parts or pairs) in one request; an intake has about twenty.</summary>
    public const int FormFieldCount = 200;

    /// <summary>A part's headers in a multipart body.</summary>
    public const int MultipartHeadersBytes = 16 * 1024;

    /// <summary>A multipart boundary; RFC 2046 §5.1.1 allows 70 characters.</summary>
    public const int MultipartBoundaryLength = 70;

    /// <summary>Given and family name, contact names.</summary>
    public const int NameLength = FieldLimits.NameLength;

    /// <summary>Ids and references that partners choose (<c>partnerReference</c>, <c>Idempotency-Key</c>).</summary>
    public const int ReferenceLength = 100;

    /// <summary>RFC 5321's limit for a forward path.</summary>
    public const int EmailLength = FieldLimits.EmailLength;

    public const int PhoneLength = FieldLimits.PhoneLength;

    /// <summary>A BCP 47 language tag such as <c>ar</c> or <c>de-AT</c>.</summary>
    public const int LanguageCodeLength = FieldLimits.LanguageCodeLength;

    /// <summary>Short texts (a municipality id, a reason).</summary>
    public const int ShortTextLength = FieldLimits.ShortTextLength;

    /// <summary>Free text such as <c>needs.text</c>.</summary>
    public const int TextLength = FieldLimits.TextLength;

    /// <summary>Items in a list field (<c>client.languages</c> …).</summary>
    public const int ListItems = FieldLimits.ListItems;

    /// <summary>An uploaded file's name.</summary>
    public const int FileNameLength = 255;
}
