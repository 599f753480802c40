namespace Kim.Api.Intake;

/// <summary>The person at the partner who sent the intake.</summary>
public sealed record IntakePartnerContact
{
    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }
}
