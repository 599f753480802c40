using Kim.Core.Cases;

namespace Kim.Core.Workflows.Payloads;

/// <summary>
/// <c>record-consent</c>: <c>{ "recipient", "purpose", "categories": [ … ], "form", "validFrom", "documentId"? }</c>.
/// The purpose <c>case-processing</c> (recipient: the municipality) is the consent to case processing.
/// </summary>
public sealed record ConsentPayload(
    string Recipient,
    string Purpose,
    IReadOnlyList<DataCategory> Categories,
    ConsentForm Form,
    DateOnly ValidFrom,
    string? DocumentId = null);
