using System.Text.Json;
using Kim.Core;

namespace Kim.Api.Cases;

/// <summary><c>POST …/barriers</c>.</summary>
public sealed record BarrierRequest(string? Category, string? Agency, string? Description)
{
    public RequestChecks Check() => new RequestChecks().Required("category", Category);

    public JsonElement AsPayload() => KimJson.ToElement(new { category = Category, agency = Agency, description = Description });
}
