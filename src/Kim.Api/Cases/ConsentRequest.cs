using System.Text.Json;
using Kim.Core;

namespace Kim.Api.Cases;

/// <summary><c>POST …/consents</c>: who may receive which data categories for what purpose, in what form, from when.</summary>
public sealed record ConsentRequest(
    string? Recipient,
    string? Purpose,
    IReadOnlyList<string>? Categories,
    string? Form,
    string? ValidFrom,
    string? DocumentId = null)
{
    public RequestChecks Check() => new RequestChecks().Required("form", Form).Required("validFrom", ValidFrom);

    public JsonElement AsPayload() => KimJson.ToElement(new
    {
        recipient = Recipient,
        purpose = Purpose,
        categories = Categories ?? [],
        form = Form,
        validFrom = ValidFrom,
        documentId = DocumentId,
    });
}
