using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kim.Api.Access;

namespace Kim.Api.Tests;

/// <summary>
/// Intakes as partners post them. One intake is a list of dotted form fields; the JSON form is
/// built from the same list, so that the three content types carry exactly the same content.
/// </summary>
internal static class IntakeRequests
{
    private static readonly HashSet<string> ListFields = ["client.languages", "client.legalDomains", "needs.lifeDomains"];
    private static readonly HashSet<string> BooleanFields = ["consentToCaseProcessing", "consentToIntake"];

    public static byte[] Pdf { get; } = [.. "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n"u8];

    /// <summary>A 1×1 PNG: signature, IHDR, IDAT, IEND.</summary>
    public static byte[] Png { get; } = Convert.FromHexString(
        "89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C489" +
        "0000000A49444154789C63000100000500010D0A2DB40000000049454E44AE426082");

    /// <summary>A PDF of exactly <paramref name="length"/> bytes: header, filler, <c>%%EOF</c> at the end.</summary>
    public static byte[] PdfOf(int length)
    {
        var bytes = new byte[length];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        "\n%%EOF\n"u8.CopyTo(bytes.AsSpan(length - 7));
        return bytes;
    }

    /// <summary>A Windows executable's first bytes ("MZ").</summary>
    public static byte[] Exe { get; } = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    /// <summary>A ZIP archive's first bytes ("PK\x03\x04").</summary>
    public static byte[] Zip { get; } = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00];

    /// <summary>The required fields only, without consent to case processing.</summary>
    public static List<KeyValuePair<string, string>> Minimal(string reference) =>
    [
        new("partnerReference", reference),
        new("municipality", "luedenscheid"),
        new("client.givenName", "Amina"),
        new("client.familyName", "Haddad"),
        new("client.dateOfBirth", "1990-04-12"),
    ];

    /// <summary>Every field of API.md, with consent.</summary>
    public static List<KeyValuePair<string, string>> Full(string reference) =>
    [
        .. Minimal(reference),
        new("client.languages", "ar"),
        new("client.languages", "de"),
        new("client.phone", "+49 2351 123456"),
        new("client.email", "amina@example.org"),
        new("client.residenceStatus", "recognised-refugee"),
        new("client.legalDomains", "AsylbLG"),
        new("client.residenceDocumentExpires", "2027-03-31"),
        new("client.benefitPeriodEnds", "2026-12-31"),
        new("needs.lifeDomains", "language"),
        new("needs.lifeDomains", "work"),
        new("needs.text", "Sucht einen Sprachkurs B1 und Anerkennung als Pflegefachkraft."),
        new("urgency", "normal"),
        new("partnerContact.name", "Frau Beispiel"),
        new("partnerContact.email", "beispiel@jobcenter.example.org"),
        new("partnerContact.phone", "02351 000"),
        new("consentToCaseProcessing", "true"),
    ];

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var changed = fields.Where(f => f.Key != name).ToList();
        changed.Add(new(name, value));
        return changed;
    }

    public static List<KeyValuePair<string, string>> Without(this List<KeyValuePair<string, string>> fields, params string[] names) =>
        [.. fields.Where(f => !names.Contains(f.Key))];

    public static JsonObject ToJson(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var root = new JsonObject();
        foreach (var (name, value) in fields)
        {
            var segments = name.Split('.');
            var parent = root;
            foreach (var segment in segments[..^1])
            {
                parent = parent[segment] as JsonObject ?? (JsonObject)(parent[segment] = new JsonObject());
            }

            var leaf = segments[^1];
            if (ListFields.Contains(name))
            {
                var list = parent[leaf] as JsonArray ?? (JsonArray)(parent[leaf] = new JsonArray());
                list.Add(value);
            }
            else
            {
                parent[leaf] = BooleanFields.Contains(name) ? JsonValue.Create(bool.Parse(value)) : JsonValue.Create(value);
            }
        }

        return root;
    }

    public static HttpRequestMessage Json(
        IEnumerable<KeyValuePair<string, string>> fields, string? apiKey = DemoData.JobCentreKey, string? idempotencyKey = null) =>
        Raw(ToJson(fields).ToJsonString(), "application/json", apiKey, idempotencyKey);

    public static HttpRequestMessage Raw(string body, string? contentType, string? apiKey = DemoData.JobCentreKey, string? idempotencyKey = null)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return Message(content, apiKey, idempotencyKey);
    }

    public static HttpRequestMessage UrlEncoded(
        IEnumerable<KeyValuePair<string, string>> fields, string? apiKey = DemoData.JobCentreKey, string? idempotencyKey = null) =>
        Message(new FormUrlEncodedContent(fields), apiKey, idempotencyKey);

    public static HttpRequestMessage Multipart(
        IEnumerable<KeyValuePair<string, string>> fields,
        IEnumerable<(string FileName, string DeclaredType, byte[] Bytes)>? files = null,
        string? apiKey = DemoData.JobCentreKey,
        string? idempotencyKey = null,
        string fileField = "documents")
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        foreach (var (fileName, declaredType, bytes) in files ?? [])
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
            content.Add(file, fileField, fileName);
        }

        return Message(content, apiKey, idempotencyKey);
    }

    private static HttpRequestMessage Message(HttpContent content, string? apiKey, string? idempotencyKey)
    {
        var request = KimApiHost.Request(HttpMethod.Post, "/api/intake", apiKey: apiKey);
        request.Content = content;
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }
}
