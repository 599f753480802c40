namespace Kim.Core.Workflows.Payloads;

/// <summary><c>withdraw-consent</c>: <c>{ "consentId" }</c>.</summary>
public sealed record ConsentIdPayload(string ConsentId);
