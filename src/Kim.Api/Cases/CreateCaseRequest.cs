using System.Text.Json;
using Kim.Core;

namespace Kim.Api.Cases;

/// <summary><c>POST /api/cases</c>: a client who walked in. The municipality is the caller's.</summary>
public sealed record CreateCaseRequest(ClientRequest? Client, NeedsRequest? Needs, bool? ConsentToCaseProcessing, string? Urgency)
{
    public RequestChecks Check() => new RequestChecks().Required("client", Client).Required("consentToCaseProcessing", ConsentToCaseProcessing);

    /// <summary>The workflow's <c>CaseStartInput</c>.</summary>
    public JsonElement AsStartInput(string municipality, string? district) =>
        KimJson.ToElement(new
        {
            municipality,
            district,
            client = Client,
            needs = Needs,
            urgency = string.IsNullOrWhiteSpace(Urgency) ? null : Urgency.Trim().ToLowerInvariant(),
            consentToCaseProcessing = ConsentToCaseProcessing ?? false,
        });
}
