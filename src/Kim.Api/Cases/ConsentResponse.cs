using System.Text.Json.Serialization;
using Kim.Core.Cases;

namespace Kim.Api.Cases;

public sealed record ConsentResponse(
    string ConsentId,
    string Recipient,
    string Purpose,
    IReadOnlyList<DataCategory> Categories,
    ConsentForm Form,
    DateOnly ValidFrom,
    string? DocumentId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? WithdrawnAt,
    DateTimeOffset? RecordedAt,
    string? RecordedBy);
