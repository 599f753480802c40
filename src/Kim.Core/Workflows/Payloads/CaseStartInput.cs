using Kim.Core.Cases;

namespace Kim.Core.Workflows.Payloads;

/// <summary>
/// The input of a case instance: an intake from a partner (<see cref="SourcePartnerId"/> set) or a
/// case a case manager opened directly. Without <see cref="ConsentToCaseProcessing"/> the case keeps
/// only the client's basic identity data; needs and the rest are dropped.
/// </summary>
public sealed record CaseStartInput
{
    public required string Municipality { get; init; }

    /// <summary>The municipality's district, for district timing overrides.</summary>
    public string? District { get; init; }

    public required Client Client { get; init; }

    public Needs? Needs { get; init; }

    public Urgency Urgency { get; init; } = Urgency.Normal;

    public string? SourcePartnerId { get; init; }

    public string? PartnerReference { get; init; }

    public PartnerContact? PartnerContact { get; init; }

    public bool ConsentToCaseProcessing { get; init; }
}
